package dev.keyway.api.spi;

/** Whether a keyed cipher seals outgoing packets or opens incoming ones. */
public enum CipherDirection {
    ENCRYPT,
    DECRYPT
}
