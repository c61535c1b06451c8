/** The sans-I/O SSH transport protocol engine (RFC 4253). */
module dev.keyway.transport {
    requires transitive dev.keyway.api;

    exports dev.keyway.transport;
}
