/** The sans-I/O SSH user authentication engines (RFC 4252, RFC 4256). */
module dev.keyway.userauth {
    requires transitive dev.keyway.api;

    exports dev.keyway.userauth;
}
