/**
 * OpenSSH key material and host key trust: key files, {@code authorized_keys},
 * {@code known_hosts} and the host key verification policies built on it.
 */
module dev.keyway.keys {
    requires transitive dev.keyway.api;
    requires transitive dev.keyway.transport;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;

    exports dev.keyway.keys;
}
