/**
 * The ML-KEM post-quantum hybrid key exchanges, on Bouncy Castle's lightweight API. Built as a
 * third party would build a provider: it needs the public API and its library, nothing else.
 */
module dev.keyway.provider.mlkem {
    requires transitive dev.keyway.api;
    requires org.bouncycastle.provider;
    requires static org.osgi.service.component.annotations;

    exports dev.keyway.provider.mlkem;

    provides dev.keyway.api.spi.AlgorithmProvider
            with dev.keyway.provider.mlkem.MlKemAlgorithmProvider;
}
