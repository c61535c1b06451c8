package dev.keyway.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.transport.KexInit;
import dev.keyway.transport.NegotiatedAlgorithms;
import dev.keyway.transport.internal.KexInitPairs.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The laws of RFC 4253 §7.1 algorithm negotiation, over arbitrary pairs of KEXINITs: what is
 * chosen, what may never be chosen, and how a failure is reported.
 */
class AlgorithmNegotiationLawsTest {

    @Provide
    Arbitrary<Pair> pairs() {
        return KexInitPairs.pairs();
    }

    private static Optional<NegotiatedAlgorithms> negotiate(Pair p) {
        try {
            return Optional.of(AlgorithmNegotiation.negotiate(p.client(), p.server(), KexInitPairs::isAead));
        } catch (SshProtocolException e) {
            return Optional.empty();
        }
    }

    /** RFC 4253 §7.1: "the first algorithm on the client's name-list that is also on the server's". */
    private static String firstCommon(List<String> client, List<String> server) {
        return client.stream().filter(server::contains).findFirst().orElse(null);
    }

    private static void assertChosenAsRfcSays(String chosen, List<String> client, List<String> server) {
        assertNotNull(chosen);
        assertTrue(client.contains(chosen), chosen + " not offered by the client");
        assertTrue(server.contains(chosen), chosen + " not offered by the server");
        assertEquals(firstCommon(client, server), chosen);
    }

    @Property(tries = 600)
    void everyChoiceIsTheClientsFirstNameTheServerAlsoHas(@ForAll("pairs") Pair p) {
        Optional<NegotiatedAlgorithms> result = negotiate(p);
        // The generator must reach both outcomes, or the laws below would hold vacuously.
        Statistics.label("outcome").collect(result.isPresent() ? "agreed" : "failed");
        Statistics.label("outcome").coverage(c -> {
            c.check("agreed").percentage(pct -> pct > 10);
            c.check("failed").percentage(pct -> pct > 10);
        });
        if (result.isEmpty()) {
            return;
        }
        NegotiatedAlgorithms n = result.get();
        KexInit c = p.client();
        KexInit s = p.server();
        assertChosenAsRfcSays(n.hostKey(), c.serverHostKeyAlgorithms(), s.serverHostKeyAlgorithms());
        assertChosenAsRfcSays(n.cipherClientToServer(), c.encryptionClientToServer(), s.encryptionClientToServer());
        assertChosenAsRfcSays(n.cipherServerToClient(), c.encryptionServerToClient(), s.encryptionServerToClient());
        assertChosenAsRfcSays(n.compressionClientToServer(), c.compressionClientToServer(), s.compressionClientToServer());
        assertChosenAsRfcSays(n.compressionServerToClient(), c.compressionServerToClient(), s.compressionServerToClient());
        // For kex, markers are skipped: the first real method the server also has.
        List<String> clientMethods = new ArrayList<>(c.kexAlgorithms());
        clientMethods.removeAll(AlgorithmNegotiation.KEX_MARKERS);
        assertChosenAsRfcSays(n.kex(), clientMethods, s.kexAlgorithms());
    }

    @Property(tries = 400)
    void markersAreNeverChosen(@ForAll("pairs") Pair p) {
        negotiate(p).ifPresent(n -> assertFalse(AlgorithmNegotiation.KEX_MARKERS.contains(n.kex()), n.kex()));
    }

    @Property(tries = 400)
    void aKeyExchangeIsOnlyAgreedWithACommonHostKeyAlgorithm(@ForAll("pairs") Pair p) {
        boolean commonHostKey = firstCommon(p.client().serverHostKeyAlgorithms(),
                p.server().serverHostKeyAlgorithms()) != null;
        if (!commonHostKey) {
            assertTrue(negotiate(p).isEmpty());
        }
    }

    @Property(tries = 400)
    void anAeadCipherTakesNoMacAndOtherCiphersTakeACommonOne(@ForAll("pairs") Pair p) {
        negotiate(p).ifPresent(n -> {
            checkMac(n.cipherClientToServer(), n.macClientToServer(), p.client().macClientToServer(),
                    p.server().macClientToServer());
            checkMac(n.cipherServerToClient(), n.macServerToClient(), p.client().macServerToClient(),
                    p.server().macServerToClient());
        });
    }

    private static void checkMac(String cipher, String mac, List<String> client, List<String> server) {
        if (KexInitPairs.isAead(cipher)) {
            assertNull(mac, "the MAC of an AEAD direction");
        } else {
            assertChosenAsRfcSays(mac, client, server);
        }
    }

    @Test
    void disjointMacListsDoNotMatterUnderAnAeadCipher() throws SshProtocolException {
        KexInit client = kexInit(List.of("aes256-gcm@openssh.com"), List.of("hmac-sha1"));
        KexInit server = kexInit(List.of("aes256-gcm@openssh.com"), List.of("hmac-sha2-256"));
        NegotiatedAlgorithms n = AlgorithmNegotiation.negotiate(client, server, KexInitPairs::isAead);
        assertNull(n.macClientToServer());
        assertNull(n.macServerToClient());
        // The same lists under a bulk cipher fail on the MAC.
        KexInit bulkClient = kexInit(List.of("aes128-ctr"), List.of("hmac-sha1"));
        KexInit bulkServer = kexInit(List.of("aes128-ctr"), List.of("hmac-sha2-256"));
        SshProtocolException e = assertThrows(SshProtocolException.class,
                () -> AlgorithmNegotiation.negotiate(bulkClient, bulkServer, KexInitPairs::isAead));
        assertTrue(e.getMessage().contains("mac_algorithms client to server"), e.getMessage());
    }

    /** The KEXINIT field whose lists have nothing in common, in RFC 4253 §7.1 order, or null. */
    private static String firstFailingField(Pair p) {
        KexInit c = p.client();
        KexInit s = p.server();
        List<String> methods = new ArrayList<>(c.kexAlgorithms());
        methods.removeAll(AlgorithmNegotiation.KEX_MARKERS);
        if (firstCommon(methods, s.kexAlgorithms()) == null) {
            return "kex_algorithms";
        }
        if (firstCommon(c.serverHostKeyAlgorithms(), s.serverHostKeyAlgorithms()) == null) {
            return "server_host_key_algorithms";
        }
        String ecs = firstCommon(c.encryptionClientToServer(), s.encryptionClientToServer());
        if (ecs == null) {
            return "encryption_algorithms client to server";
        }
        String esc = firstCommon(c.encryptionServerToClient(), s.encryptionServerToClient());
        if (esc == null) {
            return "encryption_algorithms server to client";
        }
        if (!KexInitPairs.isAead(ecs) && firstCommon(c.macClientToServer(), s.macClientToServer()) == null) {
            return "mac_algorithms client to server";
        }
        if (!KexInitPairs.isAead(esc) && firstCommon(c.macServerToClient(), s.macServerToClient()) == null) {
            return "mac_algorithms server to client";
        }
        if (firstCommon(c.compressionClientToServer(), s.compressionClientToServer()) == null) {
            return "compression_algorithms client to server";
        }
        if (firstCommon(c.compressionServerToClient(), s.compressionServerToClient()) == null) {
            return "compression_algorithms server to client";
        }
        return null;
    }

    private static List<List<String>> listsOf(KexInit k, String field) {
        return switch (field) {
            case "kex_algorithms" -> List.of(k.kexAlgorithms());
            case "server_host_key_algorithms" -> List.of(k.serverHostKeyAlgorithms());
            case "encryption_algorithms client to server" -> List.of(k.encryptionClientToServer());
            case "encryption_algorithms server to client" -> List.of(k.encryptionServerToClient());
            case "mac_algorithms client to server" -> List.of(k.macClientToServer());
            case "mac_algorithms server to client" -> List.of(k.macServerToClient());
            case "compression_algorithms client to server" -> List.of(k.compressionClientToServer());
            default -> List.of(k.compressionServerToClient());
        };
    }

    @Property(tries = 600)
    void aFailureIsKeyExchangeFailedAndNamesTheFieldAndBothLists(@ForAll("pairs") Pair p) {
        String field = firstFailingField(p);
        Optional<NegotiatedAlgorithms> result = negotiate(p);
        assertEquals(field == null, result.isPresent(), "agreement exactly when every field has a common name");
        if (field == null) {
            return;
        }
        Statistics.label("failing field").collect(field);
        SshProtocolException e = assertThrows(SshProtocolException.class,
                () -> AlgorithmNegotiation.negotiate(p.client(), p.server(), KexInitPairs::isAead));
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
        String message = e.getMessage();
        assertTrue(message.contains(" " + field + ":"), () -> "expected " + field + " in: " + message);
        assertTrue(message.contains(listsOf(p.client(), field).get(0).toString()), message);
        assertTrue(message.contains(listsOf(p.server(), field).get(0).toString()), message);
    }

    @Property(tries = 300)
    void guessWasRightIsSymmetric(@ForAll("pairs") Pair p) {
        assertEquals(AlgorithmNegotiation.guessWasRight(p.client(), p.server()),
                AlgorithmNegotiation.guessWasRight(p.server(), p.client()));
    }

    @Property(tries = 600)
    void aRightGuessMeansBothSidesFirstChoicesAreWhatWasAgreed(@ForAll("pairs") Pair p) {
        // RFC 4253 §7: the guess is wrong if the sides' preferred kex or host key algorithms
        // differ. Like OpenSSH (proposals_match) and Go, the first names are compared as they
        // stand; both sides of a connection must judge the guess alike, so a list that
        // starts with a marker such as ext-info-c is left out of these laws.
        List<String> ck = p.client().kexAlgorithms();
        List<String> sk = p.server().kexAlgorithms();
        List<String> ch = p.client().serverHostKeyAlgorithms();
        List<String> sh = p.server().serverHostKeyAlgorithms();
        boolean right = AlgorithmNegotiation.guessWasRight(p.client(), p.server());
        if (ck.isEmpty() || sk.isEmpty() || ch.isEmpty() || sh.isEmpty()
                || AlgorithmNegotiation.KEX_MARKERS.contains(ck.get(0))
                || AlgorithmNegotiation.KEX_MARKERS.contains(sk.get(0))) {
            return;
        }
        Statistics.label("guess").collect(right ? "right" : "wrong");
        assertEquals(ck.get(0).equals(sk.get(0)) && ch.get(0).equals(sh.get(0)), right);
        Optional<NegotiatedAlgorithms> n = negotiate(p);
        if (right && n.isPresent()) {
            assertEquals(ck.get(0), n.get().kex());
            assertEquals(ch.get(0), n.get().hostKey());
        }
        if (n.isPresent() && (!n.get().kex().equals(sk.get(0)) || !n.get().hostKey().equals(sh.get(0)))) {
            assertFalse(right, "a guess for anything but what was agreed cannot be right");
        }
    }

    @Property(tries = 100)
    void aGuessAgainstTheSameFirstChoicesIsRight(@ForAll("pairs") Pair p) {
        KexInit c = p.client();
        KexInit mirrored = new KexInit(new byte[16], c.kexAlgorithms(), c.serverHostKeyAlgorithms(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), true);
        assertTrue(AlgorithmNegotiation.guessWasRight(c, mirrored));
    }

    @Test
    void theGuessIsWrongWhenOnlyTheHostKeyPreferenceDiffers() {
        KexInit client = kexInit(List.of("curve25519-sha256"), List.of("ssh-ed25519", "rsa-sha2-256"),
                List.of("aes128-ctr"), List.of("hmac-sha2-256"));
        KexInit server = kexInit(List.of("curve25519-sha256"), List.of("rsa-sha2-256", "ssh-ed25519"),
                List.of("aes128-ctr"), List.of("hmac-sha2-256"));
        assertFalse(AlgorithmNegotiation.guessWasRight(client, server));
        assertTrue(AlgorithmNegotiation.guessWasRight(client, client));
    }

    @Test
    void serverOrderDoesNotMatterOnlyMembership() throws SshProtocolException {
        KexInit client = kexInit(List.of("curve25519-sha256", "ecdh-sha2-nistp256"), List.of("ssh-ed25519", "rsa-sha2-256"),
                List.of("aes128-ctr", "aes256-ctr"), List.of("hmac-sha2-256", "hmac-sha1"));
        KexInit server = kexInit(List.of("ecdh-sha2-nistp256", "curve25519-sha256"), List.of("rsa-sha2-256", "ssh-ed25519"),
                List.of("aes256-ctr", "aes128-ctr"), List.of("hmac-sha1", "hmac-sha2-256"));
        NegotiatedAlgorithms n = AlgorithmNegotiation.negotiate(client, server, KexInitPairs::isAead);
        assertEquals(new NegotiatedAlgorithms("curve25519-sha256", "ssh-ed25519", "aes128-ctr", "aes128-ctr",
                "hmac-sha2-256", "hmac-sha2-256", "none", "none"), n);
    }

    @Test
    void aServerOfferingOnlyMarkersInCommonFails() {
        KexInit client = kexInit(List.of("curve25519-sha256", "ext-info-c", "kex-strict-c-v00@openssh.com"),
                List.of("ssh-ed25519"), List.of("aes128-ctr"), List.of("hmac-sha2-256"));
        KexInit server = kexInit(List.of("ecdh-sha2-nistp256", "ext-info-c", "kex-strict-c-v00@openssh.com"),
                List.of("ssh-ed25519"), List.of("aes128-ctr"), List.of("hmac-sha2-256"));
        SshProtocolException e = assertThrows(SshProtocolException.class,
                () -> AlgorithmNegotiation.negotiate(client, server, KexInitPairs::isAead));
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
        assertTrue(e.getMessage().contains("kex_algorithms"), e.getMessage());
    }

    @Test
    void disjointHostKeyListsAreReportedAsSuch() {
        KexInit client = kexInit(List.of("curve25519-sha256"), List.of("ssh-ed25519"),
                List.of("aes128-ctr"), List.of("hmac-sha2-256"));
        KexInit server = kexInit(List.of("curve25519-sha256"), List.of("rsa-sha2-256"),
                List.of("aes128-ctr"), List.of("hmac-sha2-256"));
        SshProtocolException e = assertThrows(SshProtocolException.class,
                () -> AlgorithmNegotiation.negotiate(client, server, KexInitPairs::isAead));
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
        assertTrue(e.getMessage().contains("server_host_key_algorithms"), e.getMessage());
        assertTrue(e.getMessage().contains("[ssh-ed25519]") && e.getMessage().contains("[rsa-sha2-256]"),
                e.getMessage());
    }

    private static KexInit kexInit(List<String> ciphers, List<String> macs) {
        return kexInit(List.of("curve25519-sha256"), List.of("ssh-ed25519"), ciphers, macs);
    }

    private static KexInit kexInit(List<String> kex, List<String> hostKeys, List<String> ciphers, List<String> macs) {
        return new KexInit(new byte[16], kex, hostKeys, ciphers, ciphers, macs, macs, List.of("none"), List.of("none"),
                List.of(), List.of(), false);
    }
}
