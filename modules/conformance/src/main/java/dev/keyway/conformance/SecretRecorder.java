package dev.keyway.conformance;

import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.MacAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the secrets a session's key exchanges and ciphers produce or receive, so that a test
 * can check where they went: that they appear in no log line or exception, and that the engine
 * wiped its copies once done with them. {@link #wrap} puts a recorder around a real provider;
 * sessions built on a registry of wrapped providers run as before.
 *
 * <p>What is recorded, as copies taken at the moment it passed:
 * <ul>
 * <li>every shared secret K a key exchange produced, in its wire encoding (RFC 4253 §7.2);
 * <li>every key, IV and MAC key the transport derived and handed to a cipher or MAC.
 * </ul>
 * And what is kept by reference, to see later whether it was wiped ({@link #unwiped()}): the
 * {@link SharedSecret} objects (the engine must {@linkplain SharedSecret#destroy() destroy}
 * them), the arrays handed to {@code create} (the SPI says the caller wipes them), and every
 * array that carried K into the exchange's hash (the engine's own copy of K).
 *
 * <p>Thread-safe: a client and a server in one test record into one recorder.
 */
public final class SecretRecorder {
    private final List<byte[]> sharedSecrets = new CopyOnWriteArrayList<>();
    private final List<SharedSecret> producedSecrets = new CopyOnWriteArrayList<>();
    private final List<byte[]> derivedKeys = new CopyOnWriteArrayList<>();
    private final List<byte[]> handedKeys = new CopyOnWriteArrayList<>();
    private final List<RecordingDigest.Input> hashed = new CopyOnWriteArrayList<>();

    /**
     * The provider with its key exchanges, ciphers and MACs recording into this recorder; its
     * name, priority, other algorithms and user authentication methods are the provider's own.
     */
    public AlgorithmProvider wrap(AlgorithmProvider provider) {
        return new ProviderWithAlgorithms(provider, provider.algorithms().stream().map(this::wrap).toList());
    }

    private SshAlgorithm wrap(SshAlgorithm algorithm) {
        if (algorithm instanceof KeyExchangeAlgorithm kex) {
            return new RecordingKeyExchange(kex, this);
        } else if (algorithm instanceof AeadCipherAlgorithm aead) {
            return RecordingKeys.wrap(AeadCipherAlgorithm.class, aead, this);
        } else if (algorithm instanceof BulkCipherAlgorithm bulk) {
            return RecordingKeys.wrap(BulkCipherAlgorithm.class, bulk, this);
        } else if (algorithm instanceof MacAlgorithm mac) {
            return RecordingKeys.wrap(MacAlgorithm.class, mac, this);
        }
        return algorithm;
    }

    /** Every K produced so far, as encoded when it was made. */
    public List<byte[]> sharedSecrets() {
        return List.copyOf(sharedSecrets);
    }

    /** Every key, IV and MAC key handed to a cipher or MAC so far, as it was handed. */
    public List<byte[]> derivedKeys() {
        return List.copyOf(derivedKeys);
    }

    /**
     * What still holds a secret that the engine should have wiped by now: a shared secret not
     * destroyed, a key array handed to {@code create} and not zeroed afterwards, an array that
     * carried K into the hash and still holds it. Empty when everything was wiped.
     */
    public List<String> unwiped() {
        List<String> found = new ArrayList<>();
        producedSecrets.stream().filter(s -> !isZero(s.encoded()))
                .forEach(s -> found.add("a SharedSecret that was never destroyed"));
        handedKeys.stream().filter(k -> !isZero(k))
                .forEach(k -> found.add("a " + k.length + "-byte key array handed to create() and not zeroed"));
        for (RecordingDigest.Input input : hashed) {
            for (byte[] k : sharedSecrets) {
                if (input.carried(k) && input.stillHolds(k)) {
                    found.add("an array that carried K into the hash and still holds it");
                }
            }
        }
        return found;
    }

    void sharedSecret(SharedSecret secret) {
        sharedSecrets.add(secret.encoded());
        producedSecrets.add(secret);
    }

    void derivedKey(byte[] key) {
        if (key.length > 0) {
            derivedKeys.add(key.clone());
            handedKeys.add(key);
        }
    }

    void hashed(RecordingDigest.Input input) {
        hashed.add(input);
    }

    private static boolean isZero(byte[] b) {
        return Arrays.equals(b, new byte[b.length]);
    }
}
