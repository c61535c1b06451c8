package dev.keyway.integration;

import java.util.List;

/**
 * A Keyway module that ships as a jar: one the BOM lists (see {@link Reactor}), so a module
 * added to the build and the BOM is checked by every test that goes over {@link #all()}. Its
 * JPMS (and OSGi) name follows from the artifact id: {@code keyway-provider-jca} is
 * {@code dev.keyway.provider.jca}. Its jar is the one on the test class path, which is why
 * integration-tests/pom.xml depends on every module of the BOM: that also makes the reactor
 * build them first.
 *
 * @param artifactId the Maven artifact id, group {@value Reactor#GROUP_ID}
 * @param moduleName the module and bundle symbolic name the project promises for it
 */
public record KeywayModule(String artifactId, String moduleName) {
    private static final String ARTIFACT_PREFIX = "keyway-";
    private static final String PROVIDER_PREFIX = ARTIFACT_PREFIX + "provider-";

    /** Every module of the BOM, in its order. */
    public static List<KeywayModule> all() {
        return Reactor.bomArtifactIds().stream().map(KeywayModule::of).toList();
    }

    /** The modules that supply algorithms, {@code keyway-provider-*} (the folder providers/). */
    public static List<KeywayModule> providers() {
        return all().stream().filter(KeywayModule::isProvider).toList();
    }

    /** The module of that artifact id, with the name the naming rule gives it. */
    public static KeywayModule of(String artifactId) {
        if (!artifactId.startsWith(ARTIFACT_PREFIX)) {
            throw new IllegalArgumentException("not a Keyway artifact id: " + artifactId);
        }
        return new KeywayModule(artifactId,
                "dev.keyway." + artifactId.substring(ARTIFACT_PREFIX.length()).replace('-', '.'));
    }

    public boolean isProvider() {
        return artifactId.startsWith(PROVIDER_PREFIX);
    }

    /** This module's jar on the test class path; fails the test if it is not there. */
    public BuiltJar jar() {
        return BuiltJar.of(TestClassPath.jar(artifactId));
    }

    /** The module name, which is what a parameterized test shows. */
    @Override
    public String toString() {
        return moduleName;
    }
}
