package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.keys.PublicKeyBlob;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateKeyFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void formatThenParseGivesTheSamePair(String type) throws Exception {
        KeyPair pair = KeyPairs.generate(type);
        String text = PrivateKeyFile.format(pair);
        assertTrue(text.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        KeyPair back = PrivateKeyFile.parse(text, null);
        assertArrayEquals(PublicKeyBlob.encode(pair.getPublic()), PublicKeyBlob.encode(back.getPublic()));
        assertTrue(KeyPairs.signsFor(back.getPrivate(), pair.getPublic()));
    }

    @Test
    void writesOwnerOnlyAndNeverOverwrites() throws Exception {
        KeyPair pair = KeyPairs.generate("ed25519");
        Path file = dir.resolve("id_ed25519");
        PrivateKeyFile.write(file, pair);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertThrows(FileAlreadyExistsException.class, () -> PrivateKeyFile.write(file, pair));
    }

    @Test
    void refusesAPairWhoseHalvesDoNotBelongTogether() throws Exception {
        KeyPair one = KeyPairs.generate("ed25519");
        KeyPair other = KeyPairs.generate("ed25519");
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> PrivateKeyFile.format(new KeyPair(one.getPublic(), other.getPrivate())));
        assertEquals(KeyFileException.Reason.MALFORMED, e.reason());
    }

    @Test
    void damagedFilesAreMalformedAndMessagesCarryNoKeyMaterial() throws Exception {
        String text = PrivateKeyFile.format(KeyPairs.generate("ecdsa"));
        String body = text.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        byte[] raw = Base64.getDecoder().decode(body);
        byte[] truncated = java.util.Arrays.copyOf(raw, raw.length - 40);
        String damaged = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(truncated)
                + "\n-----END OPENSSH PRIVATE KEY-----\n";
        for (String bad : new String[] {"", "hello", damaged, "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n"}) {
            KeyFileException e = assertThrows(KeyFileException.class, () -> PrivateKeyFile.parse(bad, null));
            assertEquals(KeyFileException.Reason.MALFORMED, e.reason(), e::getMessage);
            assertFalse(e.getMessage().contains(body.substring(20, 40)));
        }
        KeyFileException other = assertThrows(KeyFileException.class, () -> PrivateKeyFile.parse(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", null));
        assertEquals(KeyFileException.Reason.UNSUPPORTED, other.reason());
    }

    /**
     * Found by PrivateKeyFileFuzzTest: a changed prime or private exponent read as a key, whose
     * CRT signatures would leak a prime and which wrote back as another key.
     */
    @ParameterizedTest
    @ValueSource(strings = {"p", "d"})
    void anRsaKeyWithAChangedPartIsMalformed(String part) throws Exception {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyPairs.generate("rsa").getPrivate();
        BigInteger p = part.equals("p") ? key.getPrimeP().add(BigInteger.TWO) : key.getPrimeP();
        BigInteger d = part.equals("d") ? key.getPrivateExponent().add(BigInteger.TWO) : key.getPrivateExponent();
        byte[] der = new org.bouncycastle.asn1.pkcs.RSAPrivateKey(key.getModulus(), key.getPublicExponent(), d, p,
                key.getPrimeQ(), key.getPrimeExponentP(), key.getPrimeExponentQ(), key.getCrtCoefficient()).getEncoded();
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END RSA PRIVATE KEY-----\n";
        KeyFileException e = assertThrows(KeyFileException.class, () -> PrivateKeyFile.parse(pem, null));
        assertEquals(KeyFileException.Reason.MALFORMED, e.reason(), e::getMessage);
    }
}
