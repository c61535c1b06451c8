package dev.keyway.cli;

import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.ssh.SessionMessages;
import dev.keyway.transport.KexInit;
import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.TransportEvent;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a session as it happens, in the order of the seed course notes: connection,
 * version exchange, algorithm negotiation, key exchange, host key check, encrypted
 * messages, disconnect. Each message is shown once, from the side that sent it, with the
 * section of the RFC that defines it. Every line passes {@link TerminalText#line}, in print
 * and in the diagram: most fields are the peer's (its identification and earlier lines, its
 * algorithm names, the DISCONNECT description, what its messages carry).
 */
final class SessionTrace {
    private static final String CLIENT = "client";
    /** RFC 4250 §4.1.2: 50 to 79 are user authentication, 80 to 127 the connection protocol. */
    private static final int FIRST_USERAUTH = 50;
    private static final int FIRST_CONNECTION = 80;
    private static final int CHANNEL_WINDOW_ADJUST = 93;
    private static final int CHANNEL_DATA = 94;
    private static final int CHANNEL_EXTENDED_DATA = 95;
    private static final String SERVER = "server";

    /** Data and window messages shown per side before the rest are only counted. */
    private static final int BULK_SHOWN = 4;

    private final PrintStream out;
    private final SequenceDiagram diagram;
    /** Whether only one side's events are seen (a real session), so received ones are drawn too. */
    private final boolean oneSide;
    /** Per side (client 0, server 1): names messages, remembering what it must (RFC 4252 §6). */
    private final SessionMessages[] names = {new SessionMessages(), new SessionMessages()};
    /** Per side: data and window messages seen, and how many of them went unshown. */
    private final int[] bulk = new int[2];
    private final int[] bulkHidden = new int[2];
    private String section = "";

    SessionTrace(PrintStream out, SequenceDiagram diagram) {
        this(out, diagram, false);
    }

    SessionTrace(PrintStream out, SequenceDiagram diagram, boolean oneSide) {
        this.out = out;
        this.diagram = diagram;
        this.oneSide = oneSide;
    }

    void section(String title) {
        if (!title.equals(section)) {
            section = title;
            out.println();
            out.println("== " + title);
            diagram.group(title);
        }
    }

    void step(String from, String to, String what) {
        String shown = TerminalText.line(what);
        out.printf("  %-6s -> %-6s  %s%n", from, to, shown);
        diagram.message(from, to, shown);
    }

    void note(String who, String what) {
        String shown = TerminalText.line(what);
        out.printf("  %-6s           %s%n", who, shown);
        diagram.note(who, shown);
    }

    void detail(String what) {
        out.printf("                    %s%n", TerminalText.line(what));
    }

    /**
     * Shows the bytes a side put on the wire once its keys are in force, so that a learner
     * sees ciphertext next to the message the peer decrypts from it.
     */
    void wire(boolean fromClient, ByteBuffer bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(12, bytes.remaining()); i++) {
            hex.append(String.format("%02x ", bytes.get(bytes.position() + i)));
        }
        step(fromClient ? CLIENT : SERVER, fromClient ? SERVER : CLIENT,
                bytes.remaining() + " encrypted bytes: " + hex + "...");
    }

    /** One event of the client's engine ({@code client} true) or the server's. */
    void event(boolean client, TransportEvent e) {
        String self = client ? CLIENT : SERVER;
        String peer = client ? SERVER : CLIENT;
        if (e instanceof TransportEvent.IdentificationSent id) {
            section("Version exchange (RFC 4253 §4.2)");
            step(self, peer, id.identification());
        } else if (e instanceof TransportEvent.IdentificationReceived id) {
            id.preamble().forEach(line -> step(peer, self, "(before its identification) " + line));
            if (oneSide) {
                step(peer, self, id.identification());
            }
        } else if (e instanceof TransportEvent.KexInitReceived k && oneSide) {
            section("Algorithm negotiation (RFC 4253 §7.1)");
            step(peer, self, "SSH_MSG_KEXINIT, the algorithms " + peer + " supports, preferred first:");
            kexInit(k.kexInit());
        } else if (isKexStep(e) && !sent(e) && oneSide) {
            kexStep(e, peer, self);
        } else if (e instanceof TransportEvent.KexInitSent k) {
            section("Algorithm negotiation (RFC 4253 §7.1)");
            step(self, peer, "SSH_MSG_KEXINIT, the algorithms " + self + " supports, preferred first:");
            kexInit(k.kexInit());
        } else if (e instanceof TransportEvent.AlgorithmsNegotiated a && (client || oneSide)) {
            chosen(a.algorithms(), a.strictKex());
        } else if (isKexStep(e) && sent(e)) {
            kexStep(e, self, peer);
        } else if (e instanceof TransportEvent.HostKeyAccepted h) {
            section("Server authentication (RFC 4253 §8)");
            note(self, "server host key " + h.hostKey().keyType() + " " + h.hostKey().fingerprint());
            detail("its signature over the exchange hash H verifies, and the fingerprint is the expected one");
        } else if (e instanceof TransportEvent.KeysEstablished k && (client || oneSide)) {
            section("Encrypted communication");
            note("both", "keys derived from K and H (RFC 4253 §7.2); every packet from now on is encrypted"
                    + (k.strictKex() ? "; strict KEX reset the sequence numbers" : ""));
        } else if (e instanceof TransportEvent.ServiceMessage s) {
            note(self, "decrypts " + serviceMessage(s.payload()));
        } else if (e instanceof TransportEvent.ExtensionInfo x) {
            note(self, "decrypts SSH_MSG_EXT_INFO (RFC 8308): server-sig-algs "
                    + x.serverSigAlgs().map(Object::toString).orElse("absent"));
        } else if (e instanceof TransportEvent.Disconnected d) {
            for (int side = 0; side < 2; side++) {
                if (bulkHidden[side] > 0) {
                    note(side == 0 ? CLIENT : SERVER, "(" + bulkHidden[side] + " more data and window messages not shown)");
                    bulkHidden[side] = 0;
                }
            }
            section("Disconnect (RFC 4253 §11.1)");
            String message = "SSH_MSG_DISCONNECT " + d.reason() + " \"" + d.description() + "\"";
            if (!d.byPeer()) {
                step(self, peer, message);
            } else if (oneSide) {
                step(peer, self, message);
            }
        }
    }

    /**
     * A message above the transport, in clear, that the client ({@code client} true) or the
     * server sent or received. Each is shown once, from its sender, unless only one side is
     * seen. Data and window messages past the first few are only counted: a trace of a large
     * transfer would be all of them.
     */
    void message(boolean client, boolean sent, byte[] payload) {
        int side = client ? 0 : 1;
        String description = names[side].describe(payload);
        if (!sent && !oneSide) {
            return;
        }
        int type = payload[0] & 0xff;
        if (type == CHANNEL_WINDOW_ADJUST || type == CHANNEL_DATA || type == CHANNEL_EXTENDED_DATA) {
            if (++bulk[side] > BULK_SHOWN) {
                bulkHidden[side]++;
                return;
            }
        }
        section(type < FIRST_USERAUTH ? "Service request (RFC 4253 §10)"
                : type < FIRST_CONNECTION ? "User authentication (RFC 4252)"
                : "Encrypted communication: a session channel (RFC 4254)");
        String self = client ? CLIENT : SERVER;
        String peer = client ? SERVER : CLIENT;
        if (sent) {
            step(self, peer, description);
        } else {
            step(peer, self, description);
        }
    }

    private static boolean isKexStep(TransportEvent e) {
        return e instanceof TransportEvent.KexEcdhInit || e instanceof TransportEvent.KexEcdhReply
                || e instanceof TransportEvent.NewKeys;
    }

    private static boolean sent(TransportEvent e) {
        if (e instanceof TransportEvent.KexEcdhInit i) {
            return i.sent();
        }
        return e instanceof TransportEvent.KexEcdhReply r ? r.sent() : ((TransportEvent.NewKeys) e).sent();
    }

    /** A key exchange message, told as the course notes tell it: what it carries, never a secret. */
    private void kexStep(TransportEvent e, String from, String to) {
        if (e instanceof TransportEvent.NewKeys n) {
            section("New keys (RFC 4253 §7.3)");
            step(from, to, "SSH_MSG_NEWKEYS");
            detail("from now on the " + from + " encrypts with " + n.cipher());
            return;
        }
        List<KeyExchangeAlgorithm.ValuePart> parts = e instanceof TransportEvent.KexEcdhInit i ? i.parts()
                : ((TransportEvent.KexEcdhReply) e).parts();
        section(parts.isEmpty() ? "Elliptic-curve Diffie-Hellman key exchange (RFC 5656 §4, RFC 8731)"
                : "Post-quantum hybrid key exchange: a KEM beside X25519 or ECDH, K = HASH(K_PQ || K_CL)");
        if (e instanceof TransportEvent.KexEcdhInit i) {
            step(from, to, "SSH_MSG_KEX_ECDH_INIT");
            detail("Q_C, the client's ephemeral public value (" + i.publicValueLength() + " bytes" + halves(parts) + ")");
        } else if (e instanceof TransportEvent.KexEcdhReply r) {
            step(from, to, "SSH_MSG_KEX_ECDH_REPLY");
            detail("K_S (" + r.hostKeyType() + " host key), Q_S (" + r.publicValueLength() + " bytes" + halves(parts)
                    + "), signature of H (" + r.signatureAlgorithm() + ")");
        }
    }

    /** A hybrid value's halves, e.g. {@code : ML-KEM-768 ciphertext 1088 + X25519 public key 32}. */
    private static String halves(List<KeyExchangeAlgorithm.ValuePart> parts) {
        if (parts.isEmpty()) {
            return "";
        }
        return ": " + parts.stream().map(p -> p.label() + " " + p.bytes()).collect(Collectors.joining(" + "));
    }

    private void kexInit(KexInit k) {
        detail("kex_algorithms:          " + String.join(",", k.kexAlgorithms()));
        detail("server_host_key_algs:    " + String.join(",", k.serverHostKeyAlgorithms()));
        detail("encryption (both ways):  " + String.join(",", k.encryptionClientToServer()));
        detail("mac (both ways):         " + String.join(",", k.macClientToServer()));
        detail("compression:             " + String.join(",", k.compressionClientToServer()));
    }

    private void chosen(NegotiatedAlgorithms n, boolean strict) {
        note("both", "each side picks, per category, the first client algorithm the server also lists:");
        detail("key exchange:  " + n.kex() + (strict ? " (strict KEX on both sides)" : ""));
        detail("host key:      " + n.hostKey());
        detail("cipher:        " + n.cipherClientToServer() + " / " + n.cipherServerToClient());
        detail("mac:           " + orImplicit(n.macClientToServer()) + " / " + orImplicit(n.macServerToClient()));
        detail("compression:   " + n.compressionClientToServer());
    }

    private static String orImplicit(String mac) {
        return mac == null ? "(built into the AEAD cipher)" : mac;
    }

    private static String serviceMessage(byte[] p) {
        int n = p[0] & 0xff;
        if ((n == 5 || n == 6) && p.length >= 5) {
            int len = dev.keyway.api.wire.SshReader.uint32At(p, 1);
            String name = new String(p, 5, Math.min(len, p.length - 5), StandardCharsets.UTF_8);
            return (n == 5 ? "SSH_MSG_SERVICE_REQUEST \"" : "SSH_MSG_SERVICE_ACCEPT \"") + name + "\" (RFC 4253 §10)";
        }
        return "message " + n + " (" + p.length + " bytes)";
    }
}
