/** The sans-I/O SSH connection protocol engine (RFC 4254). */
module dev.keyway.connection {
    requires transitive dev.keyway.api;

    exports dev.keyway.connection;
}
