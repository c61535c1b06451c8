/** Algorithms on the JDK's own cryptography (JCA). */
module dev.keyway.provider.jca {
    requires transitive dev.keyway.api;
    // Declarative Services annotations, read by bnd at build time and absent at run time.
    requires static org.osgi.service.component.annotations;

    exports dev.keyway.provider.jca;

    provides dev.keyway.api.spi.AlgorithmProvider with dev.keyway.provider.jca.JcaAlgorithmProvider;
}
