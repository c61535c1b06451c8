/** Algorithms on the JDK's own cryptography (JCA). */
module dev.keyway.provider.jca {
    requires transitive dev.keyway.api;

    exports dev.keyway.provider.jca;

    provides dev.keyway.api.spi.AlgorithmProvider with dev.keyway.provider.jca.JcaAlgorithmProvider;
}
