/** Whole SSH sessions over TCP and a small blocking embedding API: {@code SshServer}, {@code SshClient}. */
module dev.keyway.ssh {
    requires transitive dev.keyway.net;
    requires transitive dev.keyway.userauth;
    requires transitive dev.keyway.connection;

    exports dev.keyway.ssh;

    uses dev.keyway.api.spi.AlgorithmProvider;
}
