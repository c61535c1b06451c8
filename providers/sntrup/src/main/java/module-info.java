/**
 * Streamlined NTRU Prime hybrid key exchange ({@code sntrup761x25519-sha512}) as a plugin: it
 * needs the public API and Bouncy Castle only.
 */
module dev.keyway.provider.sntrup {
    requires transitive dev.keyway.api;
    requires org.bouncycastle.provider;
    requires static org.osgi.service.component.annotations;

    exports dev.keyway.provider.sntrup;

    provides dev.keyway.api.spi.AlgorithmProvider
            with dev.keyway.provider.sntrup.SntrupAlgorithmProvider;
}
