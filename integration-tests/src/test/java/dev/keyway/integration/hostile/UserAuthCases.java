package dev.keyway.integration.hostile;

import static dev.keyway.api.DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE;
import static dev.keyway.api.DisconnectReason.PROTOCOL_ERROR;
import static dev.keyway.api.DisconnectReason.SERVICE_NOT_AVAILABLE;
import static dev.keyway.integration.hostile.Outcome.disconnect;
import static dev.keyway.integration.hostile.Outcome.replied;
import static dev.keyway.integration.hostile.Outcome.unanswered;
import static dev.keyway.integration.hostile.Stage.CONNECTION;
import static dev.keyway.integration.hostile.Stage.KEYS;
import static dev.keyway.integration.hostile.Stage.USERAUTH;
import static dev.keyway.integration.hostile.TargetServer.PASSWORD;
import static dev.keyway.integration.hostile.TargetServer.USER;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.PublicKeyBlob;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.integration.hostile.HostileCase.Attack;
import java.io.IOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;

/**
 * The catalogue's cases against the service request (RFC 4253 §10) and user authentication
 * (RFC 4252, RFC 4256). The server allows {@code password} alone, or {@code publickey} then
 * {@code keyboard-interactive} ({@link TargetServer}); a fresh user's FAILURE therefore lists
 * {@code password,publickey}.
 */
final class UserAuthCases {
    private static final String PUBLICKEY = "publickey";
    private static final String ED25519 = "ssh-ed25519";
    private static final Reply FAILURE = Reply.userAuthFailure(false, "password", PUBLICKEY);
    private static final SignatureAlgorithm SIGNER = AlgorithmRegistry.loadDefault().signature(ED25519).orElseThrow();

    private UserAuthCases() {
    }

    static List<HostileCase> cases() {
        return Stream.of(serviceRequests(), methods(), publicKeys(), keyboardInteractive(), outOfPlace())
                .flatMap(List::stream).toList();
    }

    private static List<HostileCase> serviceRequests() {
        String rule = "RFC 4253 §10";
        return List.of(
                c("unknown service", KEYS, "SERVICE_REQUEST \"ssh-foo@keyway.dev\"", rule,
                        p -> p.sendRaw(Wire.serviceRequest("ssh-foo@keyway.dev")), disconnect(SERVICE_NOT_AVAILABLE)),
                c("ssh-connection before login", KEYS, "SERVICE_REQUEST \"ssh-connection\"",
                        rule + "; RFC 4252 §1: the connection service follows authentication",
                        p -> p.sendRaw(Wire.serviceRequest(Wire.CONNECTION)), disconnect(SERVICE_NOT_AVAILABLE)),
                c("second SERVICE_REQUEST", USERAUTH, "SERVICE_REQUEST \"ssh-userauth\" once more", rule,
                        p -> p.sendRaw(Wire.serviceRequest(Wire.USERAUTH)), disconnect(PROTOCOL_ERROR)),
                c("SERVICE_ACCEPT from a client", KEYS, "SERVICE_ACCEPT \"ssh-userauth\"", rule + ": the server's answer",
                        p -> p.sendRaw(Wire.message(Wire.SERVICE_ACCEPT, 0, 0, 0, 0)), disconnect(PROTOCOL_ERROR)),
                c("SERVICE_REQUEST with trailing bytes", KEYS, "SERVICE_REQUEST \"ssh-userauth\" and one byte more",
                        rule, p -> p.sendRaw(TransportCases.concat(Wire.serviceRequest(Wire.USERAUTH), new byte[1])),
                        disconnect(PROTOCOL_ERROR)),
                c("USERAUTH_REQUEST before SERVICE_REQUEST", KEYS, "a password request with no service asked for",
                        "RFC 4252 §4: user authentication runs once ssh-userauth is accepted",
                        p -> p.sendRaw(Wire.password(USER, PASSWORD)), disconnect(PROTOCOL_ERROR)),
                c("userauth for another service", USERAUTH, "a none request for service \"ssh-foo@keyway.dev\"",
                        "RFC 4252 §5: an unknown service disconnects",
                        p -> p.sendRaw(Wire.userAuth(USER, "ssh-foo@keyway.dev", "none", new byte[0])),
                        disconnect(SERVICE_NOT_AVAILABLE)));
    }

    private static List<HostileCase> methods() {
        String rule = "RFC 4252 §5.1";
        return List.of(
                c("none", USERAUTH, "the none method", "RFC 4252 §5.2: FAILURE lists the methods that can go on",
                        p -> p.sendRaw(Wire.none(USER)), replied(FAILURE)),
                c("method not offered", USERAUTH, "hostbased, which the server does not allow", rule,
                        p -> p.sendRaw(Wire.userAuth(USER, Wire.CONNECTION, "hostbased", new byte[0])), replied(FAILURE)),
                c("unknown method", USERAUTH, "a method named \"x-unknown@keyway.dev\"", rule,
                        p -> p.sendRaw(Wire.userAuth(USER, Wire.CONNECTION, "x-unknown@keyway.dev", new byte[0])),
                        replied(FAILURE)),
                c("method out of its chain", USERAUTH, "keyboard-interactive first, which only follows publickey",
                        rule + ": a method not next in any chain fails", p -> p.sendRaw(Wire.keyboardInteractive(USER)),
                        replied(FAILURE)),
                c("wrong password", USERAUTH, "password \"wrong\"", "RFC 4252 §8",
                        p -> p.sendRaw(Wire.password(USER, "wrong")), replied(FAILURE)),
                c("unknown user", USERAUTH, "password for \"mallory\"", rule + ": the same FAILURE as a wrong password",
                        p -> p.sendRaw(Wire.password("mallory", PASSWORD)), replied(FAILURE)),
                c("password change request", USERAUTH, "password with the change flag and a new password",
                        "RFC 4252 §8: a server that does not change passwords answers FAILURE",
                        p -> p.sendRaw(Wire.userAuth(USER, Wire.CONNECTION, "password", new SshWriter().writeBoolean(true)
                                .writeUtf8(PASSWORD).writeUtf8("new").toByteArray())), replied(FAILURE)),
                c("user name of 64 KiB", USERAUTH, "a password request for a user name of 65536 characters", rule,
                        p -> p.sendRaw(Wire.password("u".repeat(65536), PASSWORD)), replied(FAILURE)),
                c("user name not UTF-8", USERAUTH, "a user name holding the byte 0xff",
                        "RFC 4252 §5: the user name is ISO-10646 UTF-8",
                        p -> p.sendRaw(new SshWriter().writeByte(Wire.USERAUTH_REQUEST).writeString(new byte[] {-1})
                                .writeUtf8(Wire.CONNECTION).writeUtf8("none").toByteArray()), disconnect(PROTOCOL_ERROR)),
                c("truncated USERAUTH_REQUEST", USERAUTH, "a request that ends after the user name", "RFC 4252 §5",
                        p -> p.sendRaw(new SshWriter().writeByte(Wire.USERAUTH_REQUEST).writeUtf8(USER).toByteArray()),
                        disconnect(PROTOCOL_ERROR)),
                c("MaxAuthTries wrong passwords", USERAUTH, (TargetServer.MAX_AUTH_TRIES - 1)
                                + " wrong passwords answered, then one more",
                        "RFC 4252 §4: the server may limit attempts (sshd's MaxAuthTries)",
                        p -> {
                            failTimes(p, TargetServer.MAX_AUTH_TRIES - 1, Wire.password(USER, "wrong"));
                            p.sendRaw(Wire.password(USER, "wrong"));
                        }, disconnect(NO_MORE_AUTH_METHODS_AVAILABLE)),
                c("none again and again", USERAUTH, "a first none (free, as in sshd), then " + TargetServer.MAX_AUTH_TRIES
                                + " more", "RFC 4252 §4; sshd counts every none but the first",
                        p -> {
                            failTimes(p, TargetServer.MAX_AUTH_TRIES, Wire.none(USER));
                            p.sendRaw(Wire.none(USER));
                        }, disconnect(NO_MORE_AUTH_METHODS_AVAILABLE)));
    }

    private static List<HostileCase> publicKeys() {
        String rule = "RFC 4252 §7";
        byte[] blob = PublicKeyBlob.encode(TargetServer.USER_KEY.getPublic());
        byte[] otherBlob = PublicKeyBlob.encode(TargetServer.ed25519().getPublic());
        return List.of(
                c("publickey query, known key", USERAUTH, "publickey without a signature for the user's key", rule
                                + ": PK_OK", p -> p.sendRaw(query(ED25519, blob)),
                        replied(Reply.message(Wire.USERAUTH_PK_OK, "USERAUTH_PK_OK"))),
                c("publickey query, unknown key", USERAUTH, "publickey without a signature for another key", rule,
                        p -> p.sendRaw(query(ED25519, otherBlob)), replied(FAILURE)),
                c("publickey with a bad signature", USERAUTH, "the user's key signed over the wrong session id", rule,
                        p -> p.sendRaw(signed(USER, TargetServer.USER_KEY, new byte[32])), replied(FAILURE)),
                c("publickey algorithm not accepted", USERAUTH, "algorithm \"ssh-dss\" with the user's key blob",
                        rule + "; RFC 8308 §3.1: only what server-sig-algs names", p -> p.sendRaw(query("ssh-dss", blob)),
                        replied(FAILURE)),
                c("publickey algorithm and key disagree", USERAUTH, "algorithm rsa-sha2-256 with an ed25519 key blob",
                        rule, p -> p.sendRaw(query("rsa-sha2-256", blob)), replied(FAILURE)),
                c("publickey blob of garbage", USERAUTH, "algorithm ssh-ed25519 with 40 bytes of 0xff for a key",
                        rule, p -> p.sendRaw(query(ED25519, Wire.bytes(40, 0xff))), replied(FAILURE)),
                c("truncated publickey request", USERAUTH, "publickey with the signature flag set and no signature",
                        rule, p -> p.sendRaw(publicKey(true, ED25519, blob, null)), disconnect(PROTOCOL_ERROR)),
                c("user changed after a partial success", USERAUTH,
                        "the user's key signed (partial success), then keyboard-interactive as \"mallory\"",
                        "RFC 4252 §5: a changed user name MUST flush the authentication state",
                        p -> {
                            partialSuccess(p);
                            p.sendRaw(Wire.keyboardInteractive("mallory"));
                        }, replied(FAILURE)));
    }

    private static List<HostileCase> keyboardInteractive() {
        String rule = "RFC 4256 §3.4";
        return List.of(
                c("keyboard-interactive, wrong answer", USERAUTH, "after publickey, the answer \"wrong\"", rule,
                        p -> {
                            askedForPassword(p);
                            p.sendRaw(Wire.infoResponse("wrong"));
                        }, replied(Reply.userAuthFailure(false, "keyboard-interactive"))),
                c("INFO_RESPONSE with two answers to one prompt", USERAUTH, "after publickey, two answers",
                        rule + ": as many responses as prompts", p -> {
                            askedForPassword(p);
                            p.sendRaw(Wire.infoResponse(PASSWORD, PASSWORD));
                        }, disconnect(PROTOCOL_ERROR)),
                c("INFO_RESPONSE claiming 2^32-1 answers", USERAUTH, "after publickey, a count of 0xffffffff",
                        rule, p -> {
                            askedForPassword(p);
                            p.sendRaw(Wire.message(Wire.USERAUTH_INFO_RESPONSE, -1, -1, -1, -1));
                        }, disconnect(PROTOCOL_ERROR)),
                c("INFO_RESPONSE unasked", USERAUTH, "INFO_RESPONSE with one answer, no keyboard-interactive running",
                        "RFC 4256 §3.4: a response answers a request", p -> p.sendRaw(Wire.infoResponse(PASSWORD)),
                        disconnect(PROTOCOL_ERROR)));
    }

    /** Messages a client never sends, or not yet, or no longer. */
    private static List<HostileCase> outOfPlace() {
        String rule = "RFC 4252 §5.1";
        return List.of(
                c("USERAUTH_SUCCESS from a client", USERAUTH, "USERAUTH_SUCCESS", rule + ": only the server sends it",
                        p -> p.sendRaw(Wire.message(Wire.USERAUTH_SUCCESS)), disconnect(PROTOCOL_ERROR)),
                c("USERAUTH_FAILURE from a client", USERAUTH, "USERAUTH_FAILURE listing password",
                        rule + ": only the server sends it", p -> p.sendRaw(new SshWriter().writeByte(Wire.USERAUTH_FAILURE)
                                .writeNameList(List.of("password")).writeBoolean(false).toByteArray()),
                        disconnect(PROTOCOL_ERROR)),
                c("USERAUTH_BANNER from a client", USERAUTH, "USERAUTH_BANNER \"hi\"", "RFC 4252 §5.4: only the server"
                                + " sends it", p -> p.sendRaw(new SshWriter().writeByte(Wire.USERAUTH_BANNER).writeUtf8("hi")
                                .writeUtf8("").toByteArray()), disconnect(PROTOCOL_ERROR)),
                c("USERAUTH_PK_OK from a client", USERAUTH, "message 60 with no method running",
                        "RFC 4252 §7: the server's answer to a query",
                        p -> p.sendRaw(Wire.message(Wire.USERAUTH_PK_OK, 0, 0, 0, 0)), disconnect(PROTOCOL_ERROR)),
                c("GLOBAL_REQUEST before login", USERAUTH, "GLOBAL_REQUEST \"probe@keyway.dev\", reply wanted",
                        "RFC 4252 §5.1: the connection protocol starts after USERAUTH_SUCCESS",
                        p -> p.sendRaw(Wire.globalRequest("probe@keyway.dev", true)), disconnect(PROTOCOL_ERROR)),
                c("CHANNEL_OPEN before login", USERAUTH, "CHANNEL_OPEN \"session\"",
                        "RFC 4252 §5.1: the connection protocol starts after USERAUTH_SUCCESS",
                        p -> p.sendRaw(Wire.channelOpen("session", 0, 1024, 1024)), disconnect(PROTOCOL_ERROR)),
                c("re-exchange before login", USERAUTH, "a KEXINIT while nobody is logged in",
                        "OpenSSH: sshd refuses a re-exchange before login (kex.c), so a client cannot make it sign"
                                + " again and again", p -> p.sendRaw(TransportCases.honestKexInit()),
                        replied(Reply.unimplemented())),
                c("USERAUTH_REQUEST after login", CONNECTION, "a password request once logged in",
                        rule + ": later requests SHOULD be ignored", p -> p.sendRaw(Wire.password(USER, "wrong")),
                        unanswered()));
    }

    private static HostileCase c(String name, Stage stage, String input, String rule, Attack attack, Outcome outcome) {
        return new HostileCase(name, Layer.USERAUTH, stage, PeerSetup.DEFAULT, input, rule, attack, outcome);
    }

    /** Sends {@code request} {@code times} times, each answered by the fresh user's FAILURE. */
    private static void failTimes(HostilePeer p, int times, byte[] request) throws IOException {
        for (int i = 0; i < times; i++) {
            p.sendRaw(request);
            FAILURE.verify(p.next(), p);
        }
    }

    /** RFC 4252 §7: a publickey request's method fields, with a signature or without (a query). */
    private static byte[] publicKey(boolean signed, String algorithm, byte[] blob, byte[] signature) {
        SshWriter fields = new SshWriter().writeBoolean(signed).writeUtf8(algorithm).writeString(blob);
        if (signature != null) {
            fields.writeString(signature);
        }
        return Wire.userAuth(USER, Wire.CONNECTION, PUBLICKEY, fields.toByteArray());
    }

    private static byte[] query(String algorithm, byte[] blob) {
        return publicKey(false, algorithm, blob, null);
    }

    /** A signed publickey request as RFC 4252 §7 has it, over {@code sessionId}. */
    private static byte[] signed(String user, KeyPair key, byte[] sessionId) {
        byte[] blob = PublicKeyBlob.encode(key.getPublic());
        byte[] data = new SshWriter().writeString(sessionId).writeByte(Wire.USERAUTH_REQUEST).writeUtf8(user)
                .writeUtf8(Wire.CONNECTION).writeUtf8(PUBLICKEY).writeBoolean(true).writeUtf8(ED25519).writeString(blob)
                .toByteArray();
        return publicKey(true, ED25519, blob, SIGNER.sign(key.getPrivate(), data, new SecureRandom()));
    }

    /** The user's key, rightly signed: the first method of the chain, a partial success. */
    private static void partialSuccess(HostilePeer p) throws IOException {
        p.sendRaw(signed(USER, TargetServer.USER_KEY, p.engine().sessionId().orElseThrow()));
        Reply.userAuthFailure(true, "keyboard-interactive").verify(p.next(), p);
    }

    /** After the partial success, keyboard-interactive's one prompt (RFC 4256 §3.2). */
    private static void askedForPassword(HostilePeer p) throws IOException {
        partialSuccess(p);
        p.sendRaw(Wire.keyboardInteractive(USER));
        p.expect(Wire.USERAUTH_INFO_REQUEST, "USERAUTH_INFO_REQUEST");
    }
}
