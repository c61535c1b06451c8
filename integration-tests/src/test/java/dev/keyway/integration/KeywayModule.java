package dev.keyway.integration;

/**
 * The Keyway modules that ship as jars, with the JPMS (and OSGi) name each must carry. The
 * artifact ids are how the tests find the jars among the test class path entries.
 */
public enum KeywayModule {
    API("keyway-api", "dev.keyway.api"),
    TRANSPORT("keyway-transport", "dev.keyway.transport"),
    KEYS("keyway-keys", "dev.keyway.keys"),
    NET("keyway-net", "dev.keyway.net"),
    CONNECTION("keyway-connection", "dev.keyway.connection"),
    USERAUTH("keyway-userauth", "dev.keyway.userauth"),
    CONFORMANCE("keyway-conformance", "dev.keyway.conformance"),
    PROVIDER_JCA("keyway-provider-jca", "dev.keyway.provider.jca"),
    PROVIDER_BOUNCYCASTLE("keyway-provider-bouncycastle", "dev.keyway.provider.bouncycastle"),
    PROVIDER_USERAUTH("keyway-provider-userauth", "dev.keyway.provider.userauth"),
    PROVIDER_MLKEM("keyway-provider-mlkem", "dev.keyway.provider.mlkem"),
    PROVIDER_SNTRUP("keyway-provider-sntrup", "dev.keyway.provider.sntrup"),
    SSH("keyway-ssh", "dev.keyway.ssh"),
    OSGI("keyway-osgi", "dev.keyway.osgi"),
    CLI("keyway-cli", "dev.keyway.cli"),
    GUICE("keyway-guice", "dev.keyway.guice");

    final String artifactId;
    final String moduleName;

    KeywayModule(String artifactId, String moduleName) {
        this.artifactId = artifactId;
        this.moduleName = moduleName;
    }

    /** This module's jar on the test class path; fails the test if it is not there. */
    public BuiltJar jar() {
        return BuiltJar.of(TestClassPath.jar(artifactId));
    }
}
