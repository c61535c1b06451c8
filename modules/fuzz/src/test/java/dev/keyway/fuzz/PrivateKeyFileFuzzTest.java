package dev.keyway.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyway.api.keys.KeyType;
import dev.keyway.keys.KeyFileException;
import dev.keyway.keys.PrivateKeyFile;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

/**
 * {@link PrivateKeyFile#parse} on any text, with or without the passphrase the seed keys were
 * encrypted with (the input's first byte decides; the rest is the file). Only
 * {@link KeyFileException} may come out, and a key that comes out is of a type Keyway knows
 * and writes back to a file that reads as the same key.
 */
class PrivateKeyFileFuzzTest {
    /** The passphrase of the encrypted seeds ({@code ssh-keygen -N}). */
    static final char[] PASSPHRASE = "fuzz passphrase".toCharArray();

    @FuzzTest
    void keyFile(byte[] data) throws KeyFileException {
        FuzzInput input = new FuzzInput(data);
        char[] passphrase = (input.u8() & 1) == 1 ? PASSPHRASE.clone() : null;
        KeyPair pair;
        try {
            pair = PrivateKeyFile.parse(new String(input.rest(), StandardCharsets.UTF_8), passphrase);
        } catch (KeyFileException refused) {
            return;
        }
        assertNotNull(KeyType.of(pair.getPublic()).orElse(null), "a key of a type Keyway does not know");
        KeyPair again = PrivateKeyFile.parse(PrivateKeyFile.format(pair), null);
        assertArrayEquals(pair.getPublic().getEncoded(), again.getPublic().getEncoded(), "public key changed");
        assertArrayEquals(pair.getPrivate().getEncoded(), again.getPrivate().getEncoded(), "private key changed");
    }
}
