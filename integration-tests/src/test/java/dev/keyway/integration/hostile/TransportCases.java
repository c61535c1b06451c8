package dev.keyway.integration.hostile;

import static dev.keyway.api.DisconnectReason.KEY_EXCHANGE_FAILED;
import static dev.keyway.api.DisconnectReason.MAC_ERROR;
import static dev.keyway.api.DisconnectReason.PROTOCOL_ERROR;
import static dev.keyway.api.DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED;
import static dev.keyway.integration.hostile.Outcome.disconnect;
import static dev.keyway.integration.hostile.Outcome.hungUp;
import static dev.keyway.integration.hostile.Outcome.replied;
import static dev.keyway.integration.hostile.Outcome.unanswered;
import static dev.keyway.integration.hostile.Stage.CONNECTED;
import static dev.keyway.integration.hostile.Stage.CONNECTION;
import static dev.keyway.integration.hostile.Stage.ECDH_INIT_SENT;
import static dev.keyway.integration.hostile.Stage.KEXINIT_SENT;
import static dev.keyway.integration.hostile.Stage.KEYS;

import dev.keyway.integration.hostile.HostileCase.Attack;
import dev.keyway.transport.KexInit;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The catalogue's cases against the transport layer (RFC 4253): the version exchange, binary
 * packets in clear and under keys, the key exchange with strict KEX (OpenSSH PROTOCOL §1.10),
 * guesses and re-exchanges, and the transport's own messages.
 */
final class TransportCases {
    private static final String STRICT = "OpenSSH PROTOCOL §1.10 strict KEX";
    private static final String CHACHA20 = "chacha20-poly1305@openssh.com";
    /** The ten name-lists of an honest client's KEXINIT (RFC 4253 §7.1), strict KEX offered. */
    private static final String[] HONEST = {"curve25519-sha256,kex-strict-c-v00@openssh.com", "ssh-ed25519",
        "aes128-ctr", "aes128-ctr", "hmac-sha2-256", "hmac-sha2-256", "none", "none", "", ""};
    /** The largest payload a packet of the 256 KiB limit carries under chacha20-poly1305 (8 bytes of padding). */
    private static final int LARGEST_PAYLOAD = 256 * 1024 - 9;

    private TransportCases() {
    }

    static List<HostileCase> cases() {
        return Stream.of(versionExchange(), clearPackets(), keyedPackets(), keyExchange(), transportMessages(),
                reExchanges()).flatMap(List::stream).toList();
    }

    /** Strays of the strict first exchange, after KEXINIT and after ECDH_INIT. */
    static List<Sweep> strays() {
        return List.of(strays(KEXINIT_SENT, "after KEXINIT", "every number but 1 (DISCONNECT, honoured) and 30 (the"
                        + " exchange's own ECDH_INIT: cases of its own)"),
                strays(ECDH_INIT_SENT, "after ECDH_INIT", "every number but 1 (DISCONNECT, honoured); 21 is a NEWKEYS"
                        + " with a body"));
    }

    private static List<HostileCase> versionExchange() {
        String rule = "RFC 4253 §4.2";
        return List.of(
                c("not SSH", CONNECTED, "\"GET / HTTP/1.1\" for an identification line", rule,
                        p -> p.openWith(Wire.line("GET / HTTP/1.1")), disconnect(PROTOCOL_ERROR)),
                c("SSH-1.5", CONNECTED, "\"SSH-1.5-old\"", "RFC 4253 §5", p -> p.openWith(Wire.line("SSH-1.5-old")),
                        disconnect(PROTOCOL_VERSION_NOT_SUPPORTED)),
                c("identification of 256 bytes", CONNECTED, "\"SSH-2.0-\" and 246 more characters, CR LF", rule,
                        p -> p.openWith(Wire.line("SSH-2.0-" + "x".repeat(246))), disconnect(PROTOCOL_ERROR)),
                c("identification with ESC", CONNECTED, "\"SSH-2.0-a\" ESC \"b\"", rule,
                        p -> p.openWith(Wire.line("SSH-2.0-a\u001bb")), disconnect(PROTOCOL_ERROR)),
                c("client line before its identification", CONNECTED, "\"hello\" CR LF, then \"SSH-2.0-x\"",
                        rule + ": only a server may send other lines first",
                        p -> p.openWith(concat(Wire.line("hello"), Wire.line("SSH-2.0-x"))), disconnect(PROTOCOL_ERROR)));
    }

    /** Clear-text packets right after the client's KEXINIT; the block size is 8 (RFC 4253 §6). */
    private static List<HostileCase> clearPackets() {
        String rule = "RFC 4253 §6";
        List<HostileCase> cases = new ArrayList<>();
        for (int length = 0; length <= 4; length++) {
            cases.add(c("packet_length " + length, KEXINIT_SENT, "a packet whose packet_length is " + length,
                    rule + ": padding_length, a payload and 4 bytes of padding", wire(Wire.clearPacket(length, 4)),
                    disconnect(PROTOCOL_ERROR)));
        }
        cases.addAll(List.of(
                c("packet_length 2^31", KEXINIT_SENT, "a packet_length of 0x80000000, negative as a Java int", rule,
                        wire(Wire.clearPacket(Integer.MIN_VALUE, 4)), disconnect(PROTOCOL_ERROR)),
                c("packet_length 2^32-1", KEXINIT_SENT, "a packet_length of 0xffffffff", rule,
                        wire(Wire.clearPacket(-1, 4)), disconnect(PROTOCOL_ERROR)),
                c("packet_length past 256 KiB, no body", KEXINIT_SENT,
                        "the 5 header bytes of a packet of 262148 bytes (256 KiB and a block), nothing more",
                        "RFC 4253 §6.1: the limit is the implementation's (OpenSSH: 256 KiB), checked before buffering",
                        wire(Arrays.copyOf(Wire.clearPacket(256 * 1024 + 4, 4), 5)), disconnect(PROTOCOL_ERROR)),
                c("packet_length not a block multiple", KEXINIT_SENT, "packet_length 13: 17 bytes framed",
                        rule + ": the framed length is a multiple of the block size (8)",
                        wire(Wire.clearPacket(13, 4)), disconnect(PROTOCOL_ERROR)),
                c("padding 3", KEXINIT_SENT, "packet_length 12, padding_length 3", rule + ": at least 4 bytes of padding",
                        wire(Wire.clearPacket(12, 3)), disconnect(PROTOCOL_ERROR)),
                c("padding 0", KEXINIT_SENT, "packet_length 12, padding_length 0", rule + ": at least 4 bytes of padding",
                        wire(Wire.clearPacket(12, 0)), disconnect(PROTOCOL_ERROR)),
                c("padding leaves no payload", KEXINIT_SENT, "packet_length 12, padding_length 11: no message number",
                        rule, wire(Wire.clearPacket(12, 11)), disconnect(PROTOCOL_ERROR)),
                c("padding as long as the packet", KEXINIT_SENT, "packet_length 12, padding_length 12", rule,
                        wire(Wire.clearPacket(12, 12)), disconnect(PROTOCOL_ERROR)),
                c("padding 255", KEXINIT_SENT, "packet_length 12, padding_length 255", rule,
                        wire(Wire.clearPacket(12, 255)), disconnect(PROTOCOL_ERROR))));
        return cases;
    }

    /** Packets under the first keys, each cipher's tag or MAC one bit off (RFC 4253 §6.4, RFC 5647, PROTOCOL.chacha20poly1305). */
    private static List<HostileCase> keyedPackets() {
        return List.of(
                c("packet of exactly 256 KiB", KEYS, "an IGNORE filling a packet_length of 262144 (chacha20-poly1305)",
                        "RFC 4253 §6.1: packets up to the limit are taken",
                        p -> p.sendRaw(Wire.ignore(new byte[LARGEST_PAYLOAD - 5])), unanswered()).with(chacha20()),
                c("packet of 256 KiB and a block", KEYS, "an IGNORE in a packet_length of 262152 (chacha20-poly1305)",
                        "RFC 4253 §6.1", p -> p.sendRaw(Wire.ignore(new byte[LARGEST_PAYLOAD + 3])),
                        disconnect(PROTOCOL_ERROR)).with(chacha20()),
                flipped("chacha20-poly1305 tag", CHACHA20, null, 1),
                flipped("aes128-gcm tag", "aes128-gcm@openssh.com", null, 1),
                flipped("aes256-gcm ciphertext", "aes256-gcm@openssh.com", null, -8),
                flipped("hmac-sha2-256 MAC", "aes128-ctr", "hmac-sha2-256", 1),
                flipped("hmac-sha2-512-etm MAC", "aes256-ctr", "hmac-sha2-512-etm@openssh.com", 1),
                flipped("hmac-sha2-256-etm ciphertext", "aes128-ctr", "hmac-sha2-256-etm@openssh.com", -8));
    }

    private static List<HostileCase> keyExchange() {
        String negotiation = "RFC 4253 §7.1";
        String bounds = "RFC 4251 §6: names of at most 64 characters; Keyway: at most 128 names a list";
        PeerSetup nonStrict = PeerSetup.DEFAULT.nonStrict();
        PeerSetup wrongGuess = PeerSetup.DEFAULT.kex("ecdh-sha2-nistp256,curve25519-sha256")
                .firstKexInit(TransportCases::guessing);
        return List.of(
                c("KEXINIT of empty name-lists", CONNECTED, "a KEXINIT whose ten name-lists are all empty", negotiation,
                        opening(Wire.kexInit("", "", "", "", "", "", "", "", "", "")), disconnect(KEY_EXCHANGE_FAILED)),
                c("KEXINIT without key exchange methods", CONNECTED, "an honest KEXINIT but an empty kex_algorithms",
                        negotiation, opening(honestKexInitWith(0, "")), disconnect(KEY_EXCHANGE_FAILED)),
                c("KEXINIT without a common cipher", CONNECTED, "an honest KEXINIT offering only 3des-cbc", negotiation,
                        opening(honestKexInitWith(2, "3des-cbc")), disconnect(KEY_EXCHANGE_FAILED)),
                c("KEXINIT offering only zlib", CONNECTED,
                        "an honest KEXINIT offering only zlib, compression before the login, which a server offers"
                                + " only when its policy adds it (zlib@openssh.com starts after the login)",
                        negotiation + "; docs/compression.md",
                        opening(honestKexInitWith(6, "zlib")), disconnect(KEY_EXCHANGE_FAILED)),
                c("name-list of 129 names", CONNECTED, "an honest KEXINIT whose kex_algorithms lists 129 names", bounds,
                        opening(honestKexInitWith(0, "curve25519-sha256," + Wire.names(128, 10))), disconnect(PROTOCOL_ERROR)),
                c("name of 65 characters", CONNECTED, "an honest KEXINIT with a MAC name of 65 characters", bounds,
                        opening(honestKexInitWith(4, Wire.names(1, 65))), disconnect(PROTOCOL_ERROR)),
                c("name-lists at their bounds", KEXINIT_SENT,
                        "the attacker's own KEXINIT with 126 made-up names of 64 characters before its kex methods",
                        bounds, p -> { }, unanswered()).with(PeerSetup.DEFAULT.firstKexInit(TransportCases::crowded)),
                c("KEXINIT of 70 KiB", CONNECTED, "a KEXINIT of ten name-lists of 110 names of 64 characters each",
                        "Keyway: a KEXINIT is hashed whole into H, so it is at most 64 KiB",
                        opening(Wire.kexInit(Stream.generate(() -> Wire.names(110, 64)).limit(10).toArray(String[]::new))),
                        disconnect(PROTOCOL_ERROR)),
                c("truncated KEXINIT", CONNECTED, "a KEXINIT that ends after its cookie", "RFC 4253 §7.1",
                        opening(Wire.message(Wire.KEXINIT, new byte[16])), disconnect(PROTOCOL_ERROR)),
                c("empty name in a name-list", CONNECTED, "kex_algorithms \"curve25519-sha256,,x\"",
                        "RFC 4251 §5: a name MUST have a non-zero length",
                        opening(honestKexInitWith(0, "curve25519-sha256,,x")), disconnect(PROTOCOL_ERROR)),
                c("name outside US-ASCII", CONNECTED, "a host key algorithm with the byte 0xe9",
                        "RFC 4251 §5: names are US-ASCII", opening(honestKexInitWith(1, "ssh-ed25519,caf\u00e9")),
                        disconnect(PROTOCOL_ERROR)),
                c("IGNORE before KEXINIT", CONNECTED, "identification, an IGNORE, then a KEXINIT offering strict KEX",
                        STRICT + ": KEXINIT is the first packet (Terrapin)",
                        opening(Wire.ignore(new byte[4]), honestKexInit()), disconnect(PROTOCOL_ERROR)),
                c("second KEXINIT in the first exchange", KEXINIT_SENT, "another KEXINIT right after the first",
                        "RFC 4253 §7.1", p -> p.sendRaw(honestKexInit()), disconnect(PROTOCOL_ERROR)).with(nonStrict),
                c("wrong guess, then IGNORE", KEXINIT_SENT,
                        "first_kex_packet_follows with ecdh-sha2-nistp256 first (the server prefers curve25519),"
                                + " then an IGNORE", "RFC 4253 §7: the guessed packet is dropped",
                        p -> p.sendRaw(Wire.ignore(new byte[8])), unanswered()).with(wrongGuess),
                c("wrong guess, then SERVICE_REQUEST", KEXINIT_SENT,
                        "a wrong guess announced, then SERVICE_REQUEST \"ssh-userauth\" before any keys",
                        "RFC 4253 §7: the guessed packet is dropped, whatever it is",
                        p -> p.sendRaw(Wire.serviceRequest(Wire.USERAUTH)), unanswered()).with(wrongGuess),
                c("wrong guess, then a bogus ECDH_INIT", KEXINIT_SENT, "a wrong guess announced, then an ECDH_INIT"
                        + " of 7 zero bytes", "RFC 4253 §7: the guessed packet is dropped unread",
                        p -> p.sendRaw(Wire.ecdhInit(new byte[7])), unanswered()).with(wrongGuess),
                c("wrong guess, then DISCONNECT", KEXINIT_SENT, "a wrong guess announced, then DISCONNECT",
                        "RFC 4253 §11.1: a DISCONNECT is honoured even where a guess is dropped",
                        p -> p.sendRaw(Wire.disconnect(11, "bye")), hungUp()).with(wrongGuess),
                c("right guess, then IGNORE", KEXINIT_SENT,
                        "first_kex_packet_follows guessing right (curve25519-sha256, ssh-ed25519), then an IGNORE",
                        STRICT + ": a right guess is the exchange's next packet, which IGNORE is not",
                        p -> p.sendRaw(Wire.ignore(new byte[8])), disconnect(PROTOCOL_ERROR))
                        .with(PeerSetup.DEFAULT.firstKexInit(TransportCases::guessing)),
                c("NEWKEYS before ECDH_INIT", KEXINIT_SENT, "NEWKEYS right after KEXINIT", "RFC 4253 §7.3",
                        p -> p.sendRaw(Wire.message(Wire.NEWKEYS)), disconnect(PROTOCOL_ERROR)).with(nonStrict),
                c("NEWKEYS with a body", ECDH_INIT_SENT, "NEWKEYS carrying one byte more, where NEWKEYS belongs",
                        "RFC 4253 §7.3: the message is the number alone", p -> p.sendRaw(Wire.message(Wire.NEWKEYS, 0)),
                        disconnect(PROTOCOL_ERROR)),
                c("second NEWKEYS", KEYS, "NEWKEYS once the exchange is complete", "RFC 4253 §7.3",
                        p -> p.sendRaw(Wire.message(Wire.NEWKEYS)), disconnect(PROTOCOL_ERROR)),
                c("X25519 value of 31 bytes", KEXINIT_SENT, "ECDH_INIT with a Q_C of 31 bytes",
                        "RFC 8731 §3: Q_C is 32 bytes", p -> p.sendRaw(Wire.ecdhInit(new byte[31])),
                        disconnect(KEY_EXCHANGE_FAILED)),
                c("X25519 all-zero value", KEXINIT_SENT, "ECDH_INIT with Q_C = 32 zero bytes (a small-order point)",
                        "RFC 8731 §3: an all-zero shared secret MUST be refused",
                        p -> p.sendRaw(Wire.ecdhInit(new byte[32])), disconnect(KEY_EXCHANGE_FAILED)),
                c("P-256 point off the curve", KEXINIT_SENT, "ECDH_INIT with Q_C = 04 || x=1 || y=1",
                        "RFC 5656 §4 and SEC 1 §3.2.2: the point is validated",
                        p -> p.sendRaw(Wire.ecdhInit(offCurvePoint())), disconnect(KEY_EXCHANGE_FAILED))
                        .with(PeerSetup.DEFAULT.kex("ecdh-sha2-nistp256")),
                c("ECDH_INIT with trailing bytes", KEXINIT_SENT, "a valid-looking ECDH_INIT and 4 bytes more",
                        "RFC 5656 §4: the message holds Q_C and nothing else",
                        p -> p.sendRaw(concat(Wire.ecdhInit(Wire.bytes(32, 9)), new byte[4])), disconnect(PROTOCOL_ERROR)),
                c("message 40 in the first exchange", KEXINIT_SENT, "message 40, a key exchange method's number"
                                + " no method here uses, between KEXINIT and ECDH_INIT",
                        "RFC 4253 §7: 30 to 49 are the negotiated method's, which expects ECDH_INIT",
                        p -> p.sendRaw(Wire.message(40, 0, 0, 0, 0)), disconnect(PROTOCOL_ERROR)).with(nonStrict),
                c("ECDH_REPLY from a client", KEXINIT_SENT, "SSH_MSG_KEX_ECDH_REPLY sent to the server",
                        "RFC 5656 §4: only the server sends it", p -> p.sendRaw(Wire.message(Wire.KEX_ECDH_REPLY, 0, 0, 0, 0)),
                        disconnect(PROTOCOL_ERROR)).with(nonStrict),
                c("SERVICE_REQUEST before the keys", KEXINIT_SENT, "SERVICE_REQUEST \"ssh-userauth\" in clear text",
                        "RFC 4253 §7.1: only transport messages until NEWKEYS",
                        p -> p.sendRaw(Wire.serviceRequest(Wire.USERAUTH)), disconnect(PROTOCOL_ERROR)).with(nonStrict),
                c("USERAUTH_REQUEST before the keys", KEXINIT_SENT, "a password request in clear text",
                        "RFC 4253 §7.1; RFC 4252 §1: authentication runs over the keyed transport",
                        p -> p.sendRaw(Wire.password(TargetServer.USER, TargetServer.PASSWORD)), disconnect(PROTOCOL_ERROR))
                        .with(nonStrict),
                c("EXT_INFO before NEWKEYS", KEXINIT_SENT, "SSH_MSG_EXT_INFO during the first exchange",
                        "RFC 8308 §2.4: only after NEWKEYS", p -> p.sendRaw(Wire.extInfo(1)), disconnect(PROTOCOL_ERROR))
                        .with(nonStrict));
    }

    private static List<HostileCase> transportMessages() {
        PeerSetup nonStrict = PeerSetup.DEFAULT.nonStrict();
        return List.of(
                c("IGNORE in the exchange, not strict", KEXINIT_SENT, "an IGNORE between KEXINIT and ECDH_INIT",
                        "RFC 4253 §11.2: ignored at any time", p -> p.sendRaw(Wire.ignore(new byte[16])), unanswered())
                        .with(nonStrict),
                c("DEBUG in the exchange, not strict", KEXINIT_SENT, "a DEBUG between KEXINIT and ECDH_INIT",
                        "RFC 4253 §11.3", p -> p.sendRaw(Wire.debug("hello")), unanswered()).with(nonStrict),
                c("unknown message in the exchange, not strict", KEXINIT_SENT, "message 15 between KEXINIT and ECDH_INIT",
                        "RFC 4253 §11.4", p -> p.sendRaw(Wire.message(15)), replied(Reply.unimplemented())).with(nonStrict),
                c("DISCONNECT in the strict exchange", KEXINIT_SENT, "DISCONNECT BY_APPLICATION right after KEXINIT",
                        "RFC 4253 §11.1: the peer may leave at any time", p -> p.sendRaw(Wire.disconnect(11, "bye")),
                        hungUp()),
                c("DISCONNECT", KEYS, "DISCONNECT BY_APPLICATION \"bye\"", "RFC 4253 §11.1",
                        p -> p.sendRaw(Wire.disconnect(11, "bye")), hungUp()),
                c("malformed DISCONNECT", KEYS, "DISCONNECT with no reason code", "RFC 4253 §11.1",
                        p -> p.sendRaw(Wire.message(Wire.DISCONNECT)), hungUp()),
                c("IGNORE with a lying length", KEYS, "IGNORE whose string claims 2^31-1 bytes in a 5-byte payload",
                        "RFC 4253 §11.2: the message MUST be ignored, unread",
                        p -> p.sendRaw(Wire.message(Wire.IGNORE, 0x7f, -1, -1, -1)), unanswered()),
                c("truncated DEBUG", KEYS, "DEBUG with no fields", "RFC 4253 §11.3",
                        p -> p.sendRaw(Wire.message(Wire.DEBUG)), disconnect(PROTOCOL_ERROR)),
                c("UNIMPLEMENTED for a packet never sent", KEYS, "UNIMPLEMENTED naming sequence number 123456",
                        "RFC 4253 §11.4: only the sender of that packet cares", p -> p.sendRaw(Wire.unimplemented(123456)),
                        unanswered()),
                c("EXT_INFO of 64 extensions", KEYS, "a client's EXT_INFO listing 64 made-up extensions",
                        "RFC 8308 §2.3: unknown extensions are ignored", p -> p.sendRaw(Wire.extInfo(64)), unanswered()),
                c("EXT_INFO of 65 extensions", KEYS, "a client's EXT_INFO listing 65 made-up extensions",
                        "RFC 8308 §2.3; Keyway: at most 64", p -> p.sendRaw(Wire.extInfo(65)), disconnect(PROTOCOL_ERROR)),
                c("EXT_INFO claiming 2^32-1 extensions", KEYS, "EXT_INFO whose count is 0xffffffff and no extension",
                        "RFC 8308 §2.3; counted before anything is read",
                        p -> p.sendRaw(Wire.message(Wire.EXT_INFO, -1, -1, -1, -1)), disconnect(PROTOCOL_ERROR)),
                c("key exchange message outside an exchange", KEYS, "message 33 once the keys are in force",
                        "RFC 4253 §7: 30 to 49 belong to a running exchange", p -> p.sendRaw(Wire.message(33, 0, 0, 0, 0)),
                        disconnect(PROTOCOL_ERROR)));
    }

    private static List<HostileCase> reExchanges() {
        String rule = "RFC 4253 §9";
        return List.of(
                c("re-exchange after login", CONNECTION, "the attacker's engine starts a key re-exchange", rule,
                        p -> {
                            p.engine().requestRekey();
                            p.flush();
                        }, unanswered()),
                c("second KEXINIT in a re-exchange", CONNECTION, "a re-exchange, then another KEXINIT", "RFC 4253 §7.1",
                        p -> {
                            p.engine().requestRekey();
                            p.sendRaw(honestKexInit());
                        }, disconnect(PROTOCOL_ERROR)),
                c("channel message in a re-exchange", CONNECTION, "a re-exchange, then a GLOBAL_REQUEST before NEWKEYS",
                        "RFC 4253 §7.1: only transport messages between KEXINIT and NEWKEYS",
                        p -> {
                            p.engine().requestRekey();
                            p.sendRaw(Wire.globalRequest("probe@keyway.dev", true));
                        }, disconnect(PROTOCOL_ERROR)));
    }

    /** Under strict KEX nothing but the exchange's own messages may come during the first exchange. */
    private static Sweep strays(Stage stage, String where, String which) {
        Outcome outcome = disconnect(PROTOCOL_ERROR);
        List<HostileCase> cases = new ArrayList<>();
        for (int n = 2; n <= 255; n++) {
            if (stage == KEXINIT_SENT && n == Wire.KEX_ECDH_INIT) {
                continue;
            }
            int number = n;
            cases.add(c("message " + n + " " + where, stage, "message " + n + " and four zero bytes", STRICT,
                    p -> p.sendRaw(Wire.message(number, 0, 0, 0, 0)), outcome));
        }
        return new Sweep("strict KEX strays " + where, which + ", with four zero bytes", cases);
    }

    private static HostileCase c(String name, Stage stage, String input, String rule, Attack attack, Outcome outcome) {
        return new HostileCase(name, Layer.TRANSPORT, stage, PeerSetup.DEFAULT, input, rule, attack, outcome);
    }

    private static PeerSetup chacha20() {
        return PeerSetup.DEFAULT.cipher(CHACHA20, null);
    }

    /**
     * A SERVICE_REQUEST sealed by the engine, then one bit flipped: {@code at} counts from the
     * end when positive (1: the tag's or MAC's last byte) and from the start when negative.
     */
    private static HostileCase flipped(String name, String cipher, String mac, int at) {
        String where = at > 0 ? "the last byte" : "byte " + -at;
        return c(name + " one bit off", KEYS, "a SERVICE_REQUEST sealed with " + cipher + (mac == null ? "" : " and " + mac)
                        + ", bit 0 of " + where + " flipped", "RFC 4253 §6.4; RFC 5647 §7; OpenSSH PROTOCOL.chacha20poly1305",
                p -> {
                    p.engine().send(Wire.serviceRequest(Wire.USERAUTH));
                    byte[] packet = p.takeOutput();
                    packet[at > 0 ? packet.length - at : -at] ^= 1;
                    p.writeWire(packet);
                }, disconnect(MAC_ERROR)).with(PeerSetup.DEFAULT.cipher(cipher, mac));
    }

    /** Writes bytes on the socket as they are. */
    private static Attack wire(byte[] bytes) {
        return p -> p.writeWire(bytes);
    }

    /** An identification line, then these payloads framed in clear, in place of the engine's opening. */
    private static Attack opening(byte[]... payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Wire.line("SSH-2.0-hostile"));
        for (byte[] payload : payloads) {
            out.writeBytes(Wire.frame(payload));
        }
        byte[] bytes = out.toByteArray();
        return p -> p.openWith(bytes);
    }

    /** An honest client's KEXINIT, strict KEX offered. */
    static byte[] honestKexInit() {
        return Wire.kexInit(HONEST);
    }

    /** An honest client's KEXINIT with name-list {@code index} (0: kex_algorithms) replaced. */
    private static byte[] honestKexInitWith(int index, String list) {
        String[] lists = HONEST.clone();
        lists[index] = list;
        return Wire.kexInit(lists);
    }

    /** The KEXINIT as built, announcing a guessed packet (RFC 4253 §7.1 first_kex_packet_follows). */
    private static KexInit guessing(KexInit k) {
        return new KexInit(k.cookie(), k.kexAlgorithms(), k.serverHostKeyAlgorithms(), k.encryptionClientToServer(),
                k.encryptionServerToClient(), k.macClientToServer(), k.macServerToClient(),
                k.compressionClientToServer(), k.compressionServerToClient(), k.languagesClientToServer(),
                k.languagesServerToClient(), true);
    }

    /** The KEXINIT as built, its kex_algorithms filled to 128 names with made-up ones of 64 characters. */
    private static KexInit crowded(KexInit k) {
        List<String> kex = new ArrayList<>(List.of(Wire.names(128 - k.kexAlgorithms().size(), 64).split(",")));
        kex.addAll(k.kexAlgorithms());
        return new KexInit(k.cookie(), kex, k.serverHostKeyAlgorithms(), k.encryptionClientToServer(),
                k.encryptionServerToClient(), k.macClientToServer(), k.macServerToClient(),
                k.compressionClientToServer(), k.compressionServerToClient(), k.languagesClientToServer(),
                k.languagesServerToClient(), false);
    }

    /** An uncompressed SEC 1 point (1, 1), which is not on P-256. */
    private static byte[] offCurvePoint() {
        byte[] point = new byte[65];
        point[0] = 4;
        point[32] = 1;
        point[64] = 1;
        return point;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
