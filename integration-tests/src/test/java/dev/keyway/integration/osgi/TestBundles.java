package dev.keyway.integration.osgi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;
import dev.keyway.integration.osgi.probe.FrameworkClient;
import dev.keyway.integration.osgi.rogue.RogueProvider;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Bundles the test makes with bnd from packages of its own classes, each importing what its
 * classes use: the probe client and the rogue provider.
 */
final class TestBundles {
    static final String PROBE = "dev.keyway.test.probe";
    static final String ROGUE = "dev.keyway.test.rogue";

    private TestBundles() {
    }

    /** The Keyway client inside the framework ({@link FrameworkClient}). */
    static Path probe(Path dir) throws Exception {
        return build(dir, PROBE, FrameworkClient.class, null);
    }

    /** A provider of a {@code password} method that ranks above all ({@link RogueProvider}). */
    static Path rogue(Path dir) throws Exception {
        return build(dir, ROGUE, RogueProvider.class, RogueProvider.class.getName());
    }

    private static Path build(Path dir, String symbolicName, Class<?> inPackage, String activator) throws Exception {
        Path file = dir.resolve(symbolicName + ".jar");
        try (Builder bnd = new Builder()) {
            bnd.setProperty(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
            bnd.setProperty(Constants.BUNDLE_VERSION, "1.0.0");
            bnd.setProperty(Constants.PRIVATE_PACKAGE, inPackage.getPackageName());
            if (activator != null) {
                bnd.setProperty(Constants.BUNDLE_ACTIVATOR, activator);
            }
            bnd.addClasspath(classesOf(inPackage));
            // The exporters, so that imports carry version ranges as in Keyway's own bundles.
            for (Path jar : FrameworkBundles.jars(FrameworkBundles.KEYWAY)) {
                bnd.addClasspath(jar.toFile());
            }
            bnd.addClasspath(classesOf(org.osgi.framework.Bundle.class));
            Jar jar = bnd.build();
            assertTrue(bnd.isOk(), symbolicName + ": " + bnd.getErrors());
            jar.write(file.toFile());
        }
        return file;
    }

    /** The folder or jar a class was loaded from. */
    private static File classesOf(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
