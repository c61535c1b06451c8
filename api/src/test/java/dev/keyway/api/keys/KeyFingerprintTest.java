package dev.keyway.api.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyFingerprintTest {

    @Test
    void sha256IsUnpaddedBase64() {
        // SHA-256("abc") from FIPS 180-2 appendix B.1, in base64 without the trailing '='.
        assertEquals("SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0",
                KeyFingerprint.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void md5IsColonSeparatedLowercaseHex() {
        // MD5("abc") from RFC 1321 appendix A.5.
        assertEquals("MD5:90:01:50:98:3c:d2:4f:b0:d6:96:3f:7d:28:e1:7f:72",
                KeyFingerprint.md5("abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
