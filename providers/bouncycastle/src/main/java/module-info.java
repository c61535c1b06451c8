/** Algorithms on Bouncy Castle's lightweight API. */
module dev.keyway.provider.bouncycastle {
    requires transitive dev.keyway.api;
    requires org.bouncycastle.provider;

    exports dev.keyway.provider.bouncycastle;

    provides dev.keyway.api.spi.AlgorithmProvider
            with dev.keyway.provider.bouncycastle.BouncyCastleAlgorithmProvider;
}
