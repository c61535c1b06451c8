package dev.keyway.provider.bouncycastle.internal;

/** The size check every cipher factory makes; messages carry sizes, never key bytes. */
final class KeySizes {
    private KeySizes() {
    }

    static void check(String algorithm, byte[] key, int keyLength, byte[] iv, int ivLength) {
        if (key == null || key.length != keyLength || iv == null || iv.length != ivLength) {
            throw new IllegalArgumentException(String.format("%s takes a %d-byte key and a %d-byte IV, got %s and %s",
                    algorithm, keyLength, ivLength, key == null ? "none" : key.length, iv == null ? "none" : iv.length));
        }
    }
}
