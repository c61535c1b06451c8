package dev.keyway.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.keys.KeyType;
import dev.keyway.api.wire.SshReader;
import dev.keyway.keys.KeyFileException;
import dev.keyway.keys.PrivateKeyFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * {@link PrivateKeyFile#parse} on any text, with or without the passphrase the seed keys were
 * encrypted with (the input's first byte decides; the rest is the file). Only
 * {@link KeyFileException} may come out, and a key that comes out is of a type Keyway knows
 * and writes back to a file that reads as the same key.
 */
class PrivateKeyFileFuzzTest {
    /** The passphrase of the encrypted seeds ({@code ssh-keygen -N}). */
    static final char[] PASSPHRASE = "fuzz passphrase".toCharArray();
    /** Each bcrypt round costs about 10 ms here; more would make the fuzzer crawl. */
    private static final long MAX_ROUNDS = 64;
    /** {@code "openssh-key-v1\0"}. */
    private static final int MAGIC_LENGTH = 15;

    @FuzzTest
    void keyFile(byte[] data) throws KeyFileException {
        FuzzInput input = new FuzzInput(data);
        char[] passphrase = (input.u8() & 1) == 1 ? PASSPHRASE.clone() : null;
        String text = new String(input.rest(), StandardCharsets.UTF_8);
        if (passphrase != null && bcryptRounds(text) > MAX_ROUNDS) {
            return; // a known finding, reported in docs/fuzzing.md: the rounds are not bounded
        }
        KeyPair pair;
        try {
            pair = PrivateKeyFile.parse(text, passphrase);
        } catch (KeyFileException refused) {
            return;
        }
        assertNotNull(KeyType.of(pair.getPublic()).orElse(null), "a key of a type Keyway does not know");
        KeyPair again = PrivateKeyFile.parse(PrivateKeyFile.format(pair), null);
        assertArrayEquals(pair.getPublic().getEncoded(), again.getPublic().getEncoded(), "public key changed");
        assertArrayEquals(pair.getPrivate().getEncoded(), again.getPrivate().getEncoded(), "private key changed");
    }

    /** The bcrypt rounds an openssh-key-v1 file asks for (PROTOCOL.key), 0 if it asks none. */
    private static long bcryptRounds(String text) {
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject pem = reader.readPemObject();
            SshReader r = new SshReader(pem.getContent(), MAGIC_LENGTH, pem.getContent().length - MAGIC_LENGTH);
            r.skipString();
            if (!"bcrypt".equals(r.readUtf8())) {
                return 0;
            }
            SshReader options = new SshReader(r.readString());
            options.skipString();
            return options.readUint32AsLong();
        } catch (IOException | SshProtocolException | RuntimeException notAKeyFile) {
            return 0;
        }
    }
}
