package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keyway.integration.AlgorithmCombination;
import java.util.List;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.OptionalFeature;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;

/**
 * MINA SSHD's view of a matrix run: a client restricted to exactly one combination, and what a
 * MINA session reports it negotiated (RFC 4253 §7.1). Public for the end-to-end benchmark
 * ({@code …integration.bench}), whose MINA client offers one cipher at a time.
 */
public final class MinaAlgorithms {
    private MinaAlgorithms() {
    }

    /**
     * Makes the client offer only these algorithms and log in by publickey or password; fails if
     * this MINA build cannot do one of them. For an AEAD cipher MINA still offers its MAC list,
     * which the cipher ignores.
     */
    public static void offerOnly(SshClient client, AlgorithmCombination c) {
        offerOnlyKeyExchange(client, c.kex());
        client.setSignatureFactories(List.<NamedFactory<Signature>>of(
                supported(BuiltinSignatures.fromFactoryName(c.hostKey()), c.hostKey())));
        // MINA signs a publickey login (RFC 4252 §7) with those same factories unless its
        // publickey method has its own: give it all of them, so that only the host key is restricted.
        client.setUserAuthFactories(List.of(
                new UserAuthPublicKeyFactory(ClientBuilder.setUpDefaultSignatureFactories(true)),
                UserAuthPasswordFactory.INSTANCE));
        client.setCipherFactories(List.<NamedFactory<Cipher>>of(
                supported(BuiltinCiphers.fromFactoryName(c.cipher()), c.cipher())));
        if (c.mac() != null) {
            client.setMacFactories(List.<NamedFactory<Mac>>of(supported(BuiltinMacs.fromFactoryName(c.mac()), c.mac())));
        }
    }

    /** Makes the client offer only this key exchange, and its defaults for everything else. */
    static void offerOnlyKeyExchange(SshClient client, String kex) {
        client.setKeyExchangeFactories(List.of(ClientBuilder.DH2KEX.apply(
                supported(BuiltinDHFactories.fromFactoryName(kex), kex))));
    }

    private static <T extends OptionalFeature> T supported(T feature, String name) {
        if (feature == null || !feature.isSupported()) {
            fail("MINA SSHD cannot do " + name + " here (unknown, or its crypto provider is missing)");
        }
        return feature;
    }

    /** Checks what MINA says this session negotiated, in both directions; no MAC for an AEAD cipher. */
    static void assertNegotiated(AlgorithmCombination c, Session session) {
        assertEquals(c.kex(), session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS), "MINA's key exchange");
        assertEquals(c.hostKey(), session.getNegotiatedKexParameter(KexProposalOption.SERVERKEYS), "MINA's host key");
        assertEquals(c.cipher(), session.getNegotiatedKexParameter(KexProposalOption.C2SENC), "MINA's cipher c2s");
        assertEquals(c.cipher(), session.getNegotiatedKexParameter(KexProposalOption.S2CENC), "MINA's cipher s2c");
        if (c.mac() != null) {
            assertEquals(c.mac(), session.getNegotiatedKexParameter(KexProposalOption.C2SMAC), "MINA's MAC c2s");
            assertEquals(c.mac(), session.getNegotiatedKexParameter(KexProposalOption.S2CMAC), "MINA's MAC s2c");
        }
    }
}
