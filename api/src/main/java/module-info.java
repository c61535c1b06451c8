/** Keyway's API: SSH wire types, protocol errors and the algorithm SPI. */
module dev.keyway.api {
    exports dev.keyway.api;
    exports dev.keyway.api.auth;
    exports dev.keyway.api.keys;
    exports dev.keyway.api.spi;
    exports dev.keyway.api.wire;

    uses dev.keyway.api.spi.AlgorithmProvider;
}
