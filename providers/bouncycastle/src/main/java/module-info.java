/** Algorithms on Bouncy Castle's lightweight API. */
module dev.keyway.provider.bouncycastle {
    requires transitive dev.keyway.api;
    // Declarative Services annotations, read by bnd at build time and absent at run time.
    requires static org.osgi.service.component.annotations;
    requires org.bouncycastle.provider;

    exports dev.keyway.provider.bouncycastle;

    provides dev.keyway.api.spi.AlgorithmProvider
            with dev.keyway.provider.bouncycastle.BouncyCastleAlgorithmProvider;
}
