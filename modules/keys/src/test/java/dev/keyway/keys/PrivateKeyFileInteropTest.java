package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.keys.PublicKeyBlob;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key files go both ways between Keyway and the real ssh-keygen(1). */
class PrivateKeyFileInteropTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void readsWhatSshKeygenWrites(String type) throws Exception {
        SshKeygen keygen = SshKeygen.require(dir);
        Path file = keygen.generate(type, "id_" + type, "");
        KeyPair pair = PrivateKeyFile.read(file);

        OpenSshPublicKey pub = OpenSshPublicKey.read(Path.of(file + ".pub"));
        assertEquals("test@keyway", pub.comment());
        assertArrayEquals(pub.blob(), PublicKeyBlob.encode(pair.getPublic()));
        assertArrayEquals(pub.blob(), PublicKeyBlob.encode(pub.publicKey()));
        OpenSshPublicKey derived = OpenSshPublicKey.of(pair.getPublic(), "");
        assertEquals(keygen.fingerprint(file, "sha256"), derived.fingerprint());
        assertEquals(keygen.fingerprint(file, "md5"), derived.md5Fingerprint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void sshKeygenReadsWhatKeywayWrites(String type) throws Exception {
        SshKeygen keygen = SshKeygen.require(dir);
        KeyPair pair = KeyPairs.generate(type);
        Path file = dir.resolve("keyway_" + type);
        PrivateKeyFile.write(file, pair);

        OpenSshPublicKey expected = OpenSshPublicKey.of(pair.getPublic(), "");
        // -y prints "keytype base64 [comment]"; the comment we write is empty.
        OpenSshPublicKey printed = OpenSshPublicKey.parse(keygen.ok("-y", "-f", file.toString()).trim());
        assertArrayEquals(expected.blob(), printed.blob());
        assertEquals(expected.fingerprint(), keygen.fingerprint(file, "sha256"));

        KeyPair back = PrivateKeyFile.read(file);
        assertArrayEquals(expected.blob(), PublicKeyBlob.encode(back.getPublic()));
        assertTrue(KeyPairs.signsFor(back.getPrivate(), pair.getPublic()), "read-back private key does not sign");
    }

    @Test
    void readsAPassphraseProtectedKeyAndTellsWhatIsMissing() throws Exception {
        SshKeygen keygen = SshKeygen.require(dir);
        Path file = keygen.generate("ed25519", "id_locked", "correct horse");

        KeyFileException none = assertThrows(KeyFileException.class, () -> PrivateKeyFile.read(file));
        assertEquals(KeyFileException.Reason.PASSPHRASE_REQUIRED, none.reason());
        KeyFileException wrong = assertThrows(KeyFileException.class,
                () -> PrivateKeyFile.read(file, "battery staple".toCharArray()));
        assertEquals(KeyFileException.Reason.WRONG_PASSPHRASE, wrong.reason());

        KeyPair pair = PrivateKeyFile.read(file, "correct horse".toCharArray());
        assertArrayEquals(OpenSshPublicKey.read(Path.of(file + ".pub")).blob(), PublicKeyBlob.encode(pair.getPublic()));
    }

    @Test
    void readsLegacyPemRsaKeys() throws Exception {
        SshKeygen keygen = SshKeygen.require(dir);
        Path file = dir.resolve("id_rsa_pem");
        keygen.ok("-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", file.toString());
        KeyPair pair = PrivateKeyFile.read(file);
        assertArrayEquals(OpenSshPublicKey.read(Path.of(file + ".pub")).blob(), PublicKeyBlob.encode(pair.getPublic()));
    }
}
