package dev.keyway.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.conformance.SecretRecorder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine wipes the secrets of a key exchange once it is done with them, observed through a
 * {@link SecretRecorder} around the real providers: every shared secret K is destroyed by the
 * provider's {@code SharedSecret} and the engine's own copy (the array that went into the
 * exchange hash and the key derivation, RFC 4253 §7.2) is zeroed; every key, IV and MAC key
 * handed to a cipher or MAC is zeroed once the cipher is built. Both after exchanges that
 * succeed, a re-exchange included, and after one that the client abandons when it does not
 * trust the host key, K being known by then. And a login request, which may carry a password,
 * does not stay in the input buffer it was decrypted in.
 */
class SecretWipeTest {

    private static TransportConfig.Builder config(AlgorithmRegistry registry, String cipher, String mac) {
        return TransportConfig.builder(registry).policy(AlgorithmPolicy.defaults()
                .with(AlgorithmCategory.CIPHER, cipher).with(AlgorithmCategory.MAC, mac));
    }

    private static AlgorithmRegistry recorded(SecretRecorder recorder) {
        return AlgorithmRegistry.builder().addAll(TestKeys.JCA_FIRST.providers().stream().map(recorder::wrap).toList())
                .build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"chacha20-poly1305@openssh.com, hmac-sha2-256", "aes256-gcm@openssh.com, hmac-sha2-256",
            "aes128-ctr, hmac-sha2-512-etm@openssh.com"})
    void exchangesAndAReExchangeLeaveNoSecretBehind(String cipher, String mac) {
        SecretRecorder recorder = new SecretRecorder();
        AlgorithmRegistry registry = recorded(recorder);
        TransportPair pair = new TransportPair(
                config(registry, cipher, mac).hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build(),
                config(registry, cipher, mac).hostKeys(TestKeys.allHostKeys()).build());
        pair.pump();
        pair.server.send(new byte[] {52}); // USERAUTH_SUCCESS: a server re-keys only after it
        pair.pump();
        pair.client.requestRekey();
        pair.pump();

        assertEquals(2, TransportPair.eventsOf(pair.clientEvents, TransportEvent.KeysEstablished.class).size());
        // Two exchanges, each seen from both sides: K four times; each side builds both directions.
        assertEquals(4, recorder.sharedSecrets().size());
        int perDirection = cipher.startsWith("aes128-ctr") ? 3 : cipher.startsWith("aes256-gcm") ? 2 : 1;
        assertEquals(2 * 2 * 2 * perDirection, recorder.derivedKeys().size());
        assertEquals(List.of(), recorder.unwiped());
    }

    /**
     * A user authentication request may carry a password (RFC 4252 §8): decrypted in place in
     * the input buffer, it is zeroed there once the layer above has read it. A connection
     * message is left as it is: the data path pays nothing.
     */
    @Test
    void aLoginRequestIsZeroedInTheInputBufferOnceRead() {
        TransportPair pair = new TransportPair(
                TransportConfig.builder(TestKeys.JCA_FIRST).hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build(),
                TransportConfig.builder(TestKeys.JCA_FIRST).hostKeys(TestKeys.allHostKeys()).build());
        pair.pump();
        List<byte[]> buffers = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        pair.server.setServiceMessageSink((buf, off, len) -> {
            buffers.add(buf);
            offsets.add(off);
            return true;
        });
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] login = new byte[1 + password.length];
        login[0] = 50; // SSH_MSG_USERAUTH_REQUEST
        System.arraycopy(password, 0, login, 1, password.length);
        byte[] data = login.clone();
        data[0] = 94; // SSH_MSG_CHANNEL_DATA
        pair.client.send(login);
        pair.pump();
        assertEquals(1, buffers.size());
        assertArrayEquals(new byte[login.length],
                Arrays.copyOfRange(buffers.get(0), offsets.get(0), offsets.get(0) + login.length));

        pair.client.send(data);
        pair.pump();
        assertEquals(2, buffers.size());
        assertArrayEquals(data, Arrays.copyOfRange(buffers.get(1), offsets.get(1), offsets.get(1) + data.length));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"curve25519-sha256", "ecdh-sha2-nistp256"})
    void anExchangeTheClientAbandonsLeavesNoSecretBehind(String kex) {
        SecretRecorder recorder = new SecretRecorder();
        AlgorithmRegistry registry = recorded(recorder);
        AlgorithmPolicy policy = AlgorithmPolicy.defaults().with(AlgorithmCategory.KEY_EXCHANGE, kex);
        TransportPair pair = new TransportPair(
                TransportConfig.builder(registry).policy(policy).hostKeyVerifier(key -> false).build(),
                TransportConfig.builder(registry).policy(policy).hostKeys(TestKeys.allHostKeys()).build());
        pair.pump();

        assertFalse(pair.client.isEstablished());
        TransportEvent.Disconnected d = TransportPair.eventsOf(pair.clientEvents, TransportEvent.Disconnected.class)
                .get(0);
        assertEquals(DisconnectReason.HOST_KEY_NOT_VERIFIABLE, d.reason());
        assertEquals(2, recorder.sharedSecrets().size(), "the client had K when it refused the key");
        assertTrue(recorder.unwiped().isEmpty(), recorder.unwiped().toString());
    }
}
