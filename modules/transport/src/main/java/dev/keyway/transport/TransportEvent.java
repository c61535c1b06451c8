package dev.keyway.transport;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine reports to its owner, in the order it happened. Besides the messages for
 * the layers above ({@link ServiceMessage}), the events trace the session's sequence for
 * logs and for learners: identification strings, KEXINIT lists, the choice, the key
 * exchange messages, NEWKEYS.
 */
public sealed interface TransportEvent {

    /** This side's identification string went out (RFC 4253 §4.2). */
    record IdentificationSent(String identification) implements TransportEvent {
    }

    /** The peer's identification string (RFC 4253 §4.2) and any lines a server sent before it. */
    record IdentificationReceived(String identification, List<String> preamble) implements TransportEvent {
    }

    /** A KEXINIT went out (RFC 4253 §7.1). */
    record KexInitSent(KexInit kexInit) implements TransportEvent {
    }

    /** The peer's KEXINIT arrived. */
    record KexInitReceived(KexInit kexInit) implements TransportEvent {
    }

    /** Both KEXINITs are known and an algorithm was chosen per category. */
    record AlgorithmsNegotiated(NegotiatedAlgorithms algorithms, boolean strictKex) implements TransportEvent {
    }

    /**
     * SSH_MSG_KEX_ECDH_INIT (RFC 5656 §4, RFC 8731 §3) went out or came in: the client's
     * ephemeral public value Q_C (for a KEM, its encapsulation key), of this many bytes, made
     * of these parts (a hybrid's two halves; empty when it is one thing).
     */
    record KexEcdhInit(boolean sent, int publicValueLength, List<KeyExchangeAlgorithm.ValuePart> parts)
            implements TransportEvent {
        public KexEcdhInit {
            parts = List.copyOf(parts);
        }
    }

    /**
     * SSH_MSG_KEX_ECDH_REPLY went out or came in: the server's host key K_S (of this type, e.g.
     * {@code ssh-ed25519}), its ephemeral value Q_S of this many bytes, and its signature of the
     * exchange hash H with this algorithm; Q_S is made of these parts (a hybrid's ciphertext and
     * classic public value; empty when it is one thing).
     */
    record KexEcdhReply(boolean sent, String hostKeyType, String signatureAlgorithm, int publicValueLength,
            List<KeyExchangeAlgorithm.ValuePart> parts) implements TransportEvent {
        public KexEcdhReply {
            parts = List.copyOf(parts);
        }
    }

    /**
     * SSH_MSG_NEWKEYS (RFC 4253 §7.3) went out, after which this side encrypts with
     * {@code cipher}, or came in, after which the peer does.
     */
    record NewKeys(boolean sent, String cipher) implements TransportEvent {
    }

    /** The client accepted the server's host key after checking its signature over H. */
    record HostKeyAccepted(ServerHostKey hostKey) implements TransportEvent {
    }

    /** NEWKEYS went both ways: new keys protect both directions from now on. */
    record KeysEstablished(int keyExchangeCount, boolean strictKex) implements TransportEvent {
    }

    /** SSH_MSG_EXT_INFO (RFC 8308 §2.3): extension names and their raw values. */
    record ExtensionInfo(Map<String, byte[]> extensions) implements TransportEvent {
        public ExtensionInfo {
            extensions = Map.copyOf(extensions);
        }

        /** The {@code server-sig-algs} extension (RFC 8308 §3.1), if present. */
        public Optional<List<String>> serverSigAlgs() {
            byte[] v = extensions.get("server-sig-algs");
            return v == null ? Optional.empty()
                    : Optional.of(List.of(new String(v, StandardCharsets.US_ASCII).split(",")));
        }
    }

    /** A message for the layer above (user authentication, connection): the whole payload. */
    record ServiceMessage(byte[] payload) implements TransportEvent {
        /** The message number. */
        public int messageNumber() {
            return payload[0] & 0xff;
        }
    }

    /**
     * SSH_MSG_UNIMPLEMENTED from the peer (RFC 4253 §11.4): it did not recognise the packet
     * this side sent with this sequence number. The engine acts on it only when it refuses a
     * KEXINIT; whoever sent the packet may want to know.
     */
    record UnimplementedReceived(int sequenceNumber) implements TransportEvent {
    }

    /** SSH_MSG_DEBUG from the peer (RFC 4253 §11.3). */
    record DebugMessage(boolean alwaysDisplay, String message) implements TransportEvent {
    }

    /**
     * The connection is over: the peer sent SSH_MSG_DISCONNECT, or this side did, because of
     * an error or on request. Nothing more will come; the owner flushes the output and closes.
     */
    record Disconnected(DisconnectReason reason, String description, boolean byPeer) implements TransportEvent {
    }
}
