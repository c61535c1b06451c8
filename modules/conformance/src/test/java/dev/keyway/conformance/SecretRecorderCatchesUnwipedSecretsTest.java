package dev.keyway.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.CipherDirection;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import dev.keyway.api.spi.SshAlgorithm;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recorder's checks can fail: a careless engine that keeps K, its copy of K or a key it
 * handed to a cipher is reported, and one that wipes them all is not. Without this, a test that
 * finds nothing unwiped could be passing because the recorder never looks.
 */
class SecretRecorderCatchesUnwipedSecretsTest {
    private final SecretRecorder recorder = new SecretRecorder();
    private final AlgorithmRegistry registry = AlgorithmRegistry.builder().add(recorder.wrap(new AlgorithmProvider() {
        @Override
        public String name() {
            return "toys";
        }

        @Override
        public List<SshAlgorithm> algorithms() {
            return List.of(new ZeroAcceptingX25519(), ToyAead.HONEST, new ToyMac(true, 32));
        }
    })).build();

    @Test
    void aSharedSecretLeftUndestroyedAndItsHashedCopyAreReported() throws Exception {
        KeyExchangeAlgorithm kex = registry.keyExchange("curve25519-sha256").orElseThrow();
        KeyExchangeAlgorithm.Initiator client = kex.initiate(new SecureRandom());
        SharedSecret k = kex.respond(client.publicValue(), new SecureRandom()).secret();
        byte[] copy = k.encoded();
        MessageDigest hash = kex.newDigest();
        hash.update(copy);
        hash.digest();

        assertEquals(1, recorder.sharedSecrets().size());
        assertEquals(List.of("a SharedSecret that was never destroyed",
                "an array that carried K into the hash and still holds it"), recorder.unwiped());

        k.destroy();
        Arrays.fill(copy, (byte) 0);
        assertTrue(recorder.unwiped().isEmpty(), recorder.unwiped().toString());
    }

    @Test
    void keysHandedToACipherOrMacAndNotZeroedAreReported() {
        byte[] cipherKey = new byte[32];
        byte[] macKey = new byte[32];
        new SecureRandom().nextBytes(cipherKey);
        new SecureRandom().nextBytes(macKey);
        AeadCipherAlgorithm cipher = (AeadCipherAlgorithm) registry.cipher(ToyAead.HONEST.name()).orElseThrow();
        cipher.create(CipherDirection.ENCRYPT, cipherKey, new byte[0]);
        registry.mac(new ToyMac(true, 32).name()).orElseThrow().create(macKey);

        assertEquals(2, recorder.derivedKeys().size());
        assertArrayEquals(cipherKey, recorder.derivedKeys().get(0), "a copy of the key as it was handed");
        assertEquals(List.of("a 32-byte key array handed to create() and not zeroed",
                "a 32-byte key array handed to create() and not zeroed"), recorder.unwiped());

        Arrays.fill(cipherKey, (byte) 0);
        Arrays.fill(macKey, (byte) 0);
        assertTrue(recorder.unwiped().isEmpty(), recorder.unwiped().toString());
    }
}
