package dev.keyway.api.spi;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A post-quantum hybrid (OpenSSH's {@code sntrup761x25519-sha512} and
 * {@code mlkem768x25519-sha256}; {@code draft-ietf-sshm-mlkem-hybrid-kex} §2): a KEM and a
 * classic agreement run side by side, each value the KEM's part first.
 * <ul>
 * <li>Q_C = the KEM's encapsulation key || the client's classic public value;
 * <li>Q_S = the KEM's ciphertext || the server's classic public value;
 * <li>K = HASH(K_PQ || K_CL), encoded as a string, where K_CL is the raw agreed value
 *     (32 bytes for X25519, the x-coordinate at the field's length for ECDH).
 * </ul>
 * Both halves are checked before any library sees them: the lengths first (the split depends
 * on them), the classic value by its {@link PeerValueCheck}, and an all-zero K_CL is refused as
 * in a plain agreement.
 */
final class HybridEncapsulation<D, P> implements KeyEncapsulation {
    private final KemPrimitive<D> kem;
    private final String classicName;
    private final AgreementEncapsulation<P> classic;
    private final int classicBytes;
    private final Supplier<MessageDigest> digest;

    HybridEncapsulation(KemPrimitive<D> kem, ClassicHalf<P> half, Supplier<MessageDigest> digest) {
        this.kem = kem;
        this.classicName = half.name();
        this.classic = new AgreementEncapsulation<>(half.primitive(), half.check());
        this.classicBytes = half.valueBytes();
        this.digest = digest;
    }

    @Override
    public Decapsulation generate(SecureRandom random) {
        // The KEM draws first, then the classic half: the order known-answer vectors rely on.
        KemPrimitive.KeyPair<D> pq = kem.generate(random);
        KeyAgreementPrimitive.Ephemeral<P> own = classic.newKey(random);
        byte[] value = concat(pq.encapsulationKey(), own.publicValue());
        return new Decapsulation() {
            @Override
            public byte[] publicValue() {
                return value.clone();
            }

            @Override
            public SharedSecret decapsulate(byte[] serverValue) throws Exception {
                requireLength(serverValue, kem.ciphertextBytes(), "ciphertext");
                byte[] classicValue = Arrays.copyOfRange(serverValue, kem.ciphertextBytes(), serverValue.length);
                classic.check(classicValue);
                byte[] kpq = kem.decapsulate(pq.decapsulationKey(),
                        Arrays.copyOf(serverValue, kem.ciphertextBytes()));
                byte[] kcl;
                try {
                    kcl = classic.raw(own, classicValue);
                } catch (Exception e) {
                    Arrays.fill(kpq, (byte) 0);
                    throw e;
                }
                return combine(kpq, kcl);
            }
        };
    }

    @Override
    public KeyExchangeAlgorithm.Response encapsulate(byte[] clientValue, SecureRandom random) throws Exception {
        requireLength(clientValue, kem.encapsulationKeyBytes(), "encapsulation key");
        byte[] classicValue = Arrays.copyOfRange(clientValue, kem.encapsulationKeyBytes(), clientValue.length);
        classic.check(classicValue);
        KemPrimitive.Encapsulation pq = kem.encapsulate(
                Arrays.copyOf(clientValue, kem.encapsulationKeyBytes()), random);
        KeyAgreementPrimitive.Ephemeral<P> own = classic.newKey(random);
        byte[] kcl;
        try {
            kcl = classic.raw(own, classicValue);
        } catch (Exception e) {
            pq.wipe();
            throw e;
        }
        return new KeyExchangeAlgorithm.Response(concat(pq.ciphertext(), own.publicValue()),
                combine(pq.secret(), kcl));
    }

    @Override
    public boolean isSupported() {
        return kem.isSupported() && classic.isSupported();
    }

    @Override
    public List<KeyExchangeAlgorithm.ValuePart> valueParts(boolean fromClient) {
        return fromClient
                ? List.of(new KeyExchangeAlgorithm.ValuePart(kem.name() + " encapsulation key", kem.encapsulationKeyBytes()),
                        new KeyExchangeAlgorithm.ValuePart(classicName + " public key", classicBytes))
                : List.of(new KeyExchangeAlgorithm.ValuePart(kem.name() + " ciphertext", kem.ciphertextBytes()),
                        new KeyExchangeAlgorithm.ValuePart(classicName + " public key", classicBytes));
    }

    /** The KEM's part must have its exact length and the classic part must be the rest. */
    private void requireLength(byte[] value, int kemBytes, String what) throws SshProtocolException {
        if (value.length != kemBytes + classicBytes) {
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, "hybrid value is " + value.length
                    + " bytes, not " + kemBytes + " (" + kem.name() + " " + what + ") + " + classicBytes);
        }
    }

    /** K = HASH(K_PQ || K_CL) as a string; both inputs are wiped. */
    private SharedSecret combine(byte[] kpq, byte[] kcl) {
        MessageDigest h = digest.get();
        try {
            h.update(kpq);
            h.update(kcl);
            byte[] k = h.digest();
            try {
                return SharedSecret.string(k);
            } finally {
                Arrays.fill(k, (byte) 0);
            }
        } finally {
            Arrays.fill(kpq, (byte) 0);
            Arrays.fill(kcl, (byte) 0);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
