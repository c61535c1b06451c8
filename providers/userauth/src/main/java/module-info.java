/** The standard user authentication methods (RFC 4252, RFC 4256) as a provider. */
module dev.keyway.provider.userauth {
    requires transitive dev.keyway.api;
    // Declarative Services annotations, read by bnd at build time and absent at run time.
    requires static org.osgi.service.component.annotations;

    exports dev.keyway.provider.userauth;

    provides dev.keyway.api.spi.AlgorithmProvider
            with dev.keyway.provider.userauth.UserAuthAlgorithmProvider;
}
