package dev.keyway.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyway.api.SshProtocolException;
import dev.keyway.keys.LineFormatException;
import dev.keyway.keys.OpenSshPublicKey;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

/**
 * {@link OpenSshPublicKey#parse} on any line, as in a {@code .pub} file. Only
 * {@link LineFormatException} may come out; a parsed key writes back to a line that parses to
 * the same key; decoding its blob throws only {@link SshProtocolException}; and a blob that
 * decodes is the one encoding of its key (RFC 4253 §6.6), since keys are compared by blob.
 */
class OpenSshPublicKeyFuzzTest {

    @FuzzTest
    void publicKeyLine(byte[] data) throws LineFormatException {
        OpenSshPublicKey key;
        try {
            key = OpenSshPublicKey.parse(new String(data, StandardCharsets.UTF_8));
        } catch (LineFormatException refused) {
            return;
        }
        assertEquals(key, OpenSshPublicKey.parse(key.toLine()), "the line does not read back");
        key.fingerprint();
        PublicKey decoded;
        try {
            decoded = key.publicKey();
        } catch (SshProtocolException unusable) {
            return;
        }
        assertArrayEquals(key.blob(), OpenSshPublicKey.of(decoded, "").blob(), "a key with two encodings");
    }
}
