package dev.keyway.transport.internal;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.transport.KexInit;
import dev.keyway.transport.NegotiatedAlgorithms;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The algorithm choice of RFC 4253 §7.1 as one pure function of the two KEXINIT messages.
 */
public final class AlgorithmNegotiation {
    /**
     * Names that sit in {@code kex_algorithms} only to signal a capability (RFC 8308 §2.1,
     * OpenSSH PROTOCOL §1.10); they are never chosen as a key exchange method.
     */
    public static final Set<String> KEX_MARKERS = Set.of(
            "ext-info-c", "ext-info-s",
            "kex-strict-c-v00@openssh.com", "kex-strict-s-v00@openssh.com");

    private AlgorithmNegotiation() {
    }

    /**
     * Chooses per category the first client algorithm that the server also lists. The key
     * exchange method additionally needs a host key algorithm both sides list, because every
     * method here needs a signature-capable host key. For a direction whose cipher is AEAD
     * the MAC is not negotiated (it is implicit, as in OpenSSH).
     *
     * @param isAead whether a cipher name is an AEAD cipher
     * @throws SshProtocolException KEY_EXCHANGE_FAILED, naming the category and both lists
     */
    public static NegotiatedAlgorithms negotiate(KexInit client, KexInit server, Predicate<String> isAead)
            throws SshProtocolException {
        String kex = null;
        for (String c : client.kexAlgorithms()) {
            if (!KEX_MARKERS.contains(c) && server.kexAlgorithms().contains(c)) {
                kex = c;
                break;
            }
        }
        if (kex == null) {
            throw failure(AlgorithmCategory.KEY_EXCHANGE, "", client.kexAlgorithms(), server.kexAlgorithms());
        }
        // Every method here signs, so without a common host key algorithm no method is usable;
        // the error names the host key lists, which are the ones that do not meet.
        String hostKey = firstCommon(client.serverHostKeyAlgorithms(), server.serverHostKeyAlgorithms());
        if (hostKey == null) {
            throw failure(AlgorithmCategory.HOST_KEY, "", client.serverHostKeyAlgorithms(),
                    server.serverHostKeyAlgorithms());
        }
        String encCs = require(AlgorithmCategory.CIPHER, "client to server",
                client.encryptionClientToServer(), server.encryptionClientToServer());
        String encSc = require(AlgorithmCategory.CIPHER, "server to client",
                client.encryptionServerToClient(), server.encryptionServerToClient());
        String macCs = isAead.test(encCs) ? null : require(AlgorithmCategory.MAC, "client to server",
                client.macClientToServer(), server.macClientToServer());
        String macSc = isAead.test(encSc) ? null : require(AlgorithmCategory.MAC, "server to client",
                client.macServerToClient(), server.macServerToClient());
        String compCs = require(AlgorithmCategory.COMPRESSION, "client to server",
                client.compressionClientToServer(), server.compressionClientToServer());
        String compSc = require(AlgorithmCategory.COMPRESSION, "server to client",
                client.compressionServerToClient(), server.compressionServerToClient());
        return new NegotiatedAlgorithms(kex, hostKey, encCs, encSc, macCs, macSc, compCs, compSc);
    }

    /**
     * RFC 4253 §7: a guess is right only if both sides prefer the same key exchange and host
     * key algorithms; a wrongly guessed packet is then ignored.
     */
    public static boolean guessWasRight(KexInit client, KexInit server) {
        return first(client.kexAlgorithms()).equals(first(server.kexAlgorithms()))
                && first(client.serverHostKeyAlgorithms()).equals(first(server.serverHostKeyAlgorithms()));
    }

    private static String first(List<String> l) {
        return l.isEmpty() ? "" : l.get(0);
    }

    private static String require(AlgorithmCategory category, String direction, List<String> client,
            List<String> server) throws SshProtocolException {
        String chosen = firstCommon(client, server);
        if (chosen == null) {
            throw failure(category, direction, client, server);
        }
        return chosen;
    }

    private static String firstCommon(List<String> client, List<String> server) {
        for (String c : client) {
            if (server.contains(c)) {
                return c;
            }
        }
        return null;
    }

    private static SshProtocolException failure(AlgorithmCategory category, String direction,
            List<String> client, List<String> server) {
        String where = direction.isEmpty() ? category.fieldName() : category.fieldName() + " " + direction;
        return new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED,
                "no matching algorithm for " + where + ": client offers " + client
                        + ", server offers " + server);
    }
}
