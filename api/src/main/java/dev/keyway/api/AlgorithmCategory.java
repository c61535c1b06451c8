package dev.keyway.api;

/**
 * The algorithm categories negotiated by SSH_MSG_KEXINIT (RFC 4253 §7.1). Ciphers, MACs and
 * compression are negotiated once per direction but share a category here: the same
 * providers serve both directions.
 */
public enum AlgorithmCategory {
    KEY_EXCHANGE("kex_algorithms"),
    HOST_KEY("server_host_key_algorithms"),
    CIPHER("encryption_algorithms"),
    MAC("mac_algorithms"),
    COMPRESSION("compression_algorithms");

    private final String fieldName;

    AlgorithmCategory(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The name RFC 4253 §7.1 gives the KEXINIT field, used in error messages. */
    public String fieldName() {
        return fieldName;
    }
}
