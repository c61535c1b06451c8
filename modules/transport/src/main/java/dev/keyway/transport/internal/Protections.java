package dev.keyway.transport.internal;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.CipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;
import dev.keyway.api.spi.MacAlgorithm;
import java.util.Arrays;

/** Builds the packet protection of one direction from negotiated names and derived keys. */
final class Protections {
    private Protections() {
    }

    /**
     * @param keys the key derivation of this exchange
     * @param clientToServer which direction's keys to take
     * @param direction whether this side encrypts or decrypts in that direction
     */
    static PacketProtection build(AlgorithmRegistry registry, String cipherName, String macName,
            KeyDerivation keys, boolean clientToServer, CipherDirection direction) {
        CipherAlgorithm cipher = registry.cipher(cipherName).orElseThrow();
        byte[] iv = keys.derive(clientToServer ? KeyDerivation.IV_CLIENT_TO_SERVER
                : KeyDerivation.IV_SERVER_TO_CLIENT, cipher.ivLength());
        byte[] key = keys.derive(clientToServer ? KeyDerivation.KEY_CLIENT_TO_SERVER
                : KeyDerivation.KEY_SERVER_TO_CLIENT, cipher.keyLength());
        try {
            if (cipher instanceof AeadCipherAlgorithm aead) {
                return new AeadProtection(aead, aead.create(direction, key, iv));
            }
            BulkCipherAlgorithm bulk = (BulkCipherAlgorithm) cipher;
            MacAlgorithm mac = registry.mac(macName).orElseThrow();
            byte[] macKey = keys.derive(clientToServer ? KeyDerivation.MAC_CLIENT_TO_SERVER
                    : KeyDerivation.MAC_SERVER_TO_CLIENT, mac.keyLength());
            try {
                return new CipherAndMacProtection(bulk, bulk.create(direction, key, iv), mac, mac.create(macKey));
            } finally {
                Arrays.fill(macKey, (byte) 0);
            }
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(iv, (byte) 0);
        }
    }
}
