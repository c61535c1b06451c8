package dev.keyway.api.spi;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link KeyExchangeAlgorithm} of the ECDH shape (RFC 5656 §4, RFC 8731 §3): one value from
 * each side, then K. It is made of a name, the hash the method names, and a library's
 * primitive; the SSH rules live here once for every provider:
 * <ul>
 * <li>a peer's value is checked ({@link PeerValueCheck}) before the library sees it, on both
 *     sides;
 * <li>an all-zero shared secret is refused (RFC 7748 §6.1, RFC 8731 §3);
 * <li>K is encoded as the method says ({@link SharedSecret#mpint} for Diffie-Hellman);
 * <li>every failure caused by a peer's value, whatever the library throws, is an
 *     {@link SshProtocolException} with {@code KEY_EXCHANGE_FAILED} that names no secret.
 * </ul>
 * Three factories build one: {@link #agreement} for Diffie-Hellman, {@link #hybrid} for a
 * post-quantum KEM beside a classic agreement, and {@link #encapsulation} for any other method
 * that fits the {@link KeyEncapsulation} seam. The transport does not tell them apart.
 */
public final class EphemeralKeyExchange implements KeyExchangeAlgorithm {
    private final String name;
    private final Supplier<MessageDigest> digest;
    private final KeyEncapsulation kem;

    private EphemeralKeyExchange(String name, Supplier<MessageDigest> digest, KeyEncapsulation kem) {
        this.name = Objects.requireNonNull(name, "name");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.kem = kem;
    }

    /**
     * A Diffie-Hellman exchange.
     *
     * @param name the method's SSH name, e.g. {@code curve25519-sha256}
     * @param digest the method's hash, e.g. {@link ExchangeDigest#SHA256}
     * @param primitive the library's key generation and agreement
     * @param peerValueCheck what a peer's public value must satisfy
     */
    public static <P> EphemeralKeyExchange agreement(String name, Supplier<MessageDigest> digest,
            KeyAgreementPrimitive<P> primitive, PeerValueCheck peerValueCheck) {
        return new EphemeralKeyExchange(name, digest, new AgreementEncapsulation<>(
                Objects.requireNonNull(primitive, "primitive"), Objects.requireNonNull(peerValueCheck, "check")));
    }

    /**
     * A post-quantum hybrid (OpenSSH's {@code mlkem768x25519-sha256} and
     * {@code sntrup761x25519-sha512}, {@code draft-ietf-sshm-mlkem-hybrid-kex}): each value is
     * the KEM's part followed by the classic part, and K = HASH(K_PQ || K_CL) as a string. See
     * {@link KemPrimitive} and {@link ClassicHalf} for what the library supplies.
     *
     * @param name the method's SSH name, e.g. {@code mlkem768x25519-sha256}
     * @param digest the method's hash, used for K as for the exchange hash
     * @param kem the post-quantum mechanism; it draws its randomness before the classic half
     * @param classic the classic agreement
     */
    public static <D, P> EphemeralKeyExchange hybrid(String name, Supplier<MessageDigest> digest,
            KemPrimitive<D> kem, ClassicHalf<P> classic) {
        Objects.requireNonNull(digest, "digest");
        return new EphemeralKeyExchange(name, digest, new HybridEncapsulation<>(
                Objects.requireNonNull(kem, "kem"), Objects.requireNonNull(classic, "classic"), digest));
    }

    /**
     * A method of another KEM shape, the SSH value flow and error mapping applied around it.
     *
     * @param name the method's SSH name
     * @param digest the method's hash
     * @param kem the values and secrets
     */
    public static EphemeralKeyExchange encapsulation(String name, Supplier<MessageDigest> digest,
            KeyEncapsulation kem) {
        return new EphemeralKeyExchange(name, digest, Objects.requireNonNull(kem, "kem"));
    }

    @Override
    public List<ValuePart> valueParts(boolean fromClient) {
        return kem.valueParts(fromClient);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isSupported() {
        return kem.isSupported();
    }

    @Override
    public MessageDigest newDigest() {
        return digest.get();
    }

    @Override
    public Initiator initiate(SecureRandom random) {
        KeyEncapsulation.Decapsulation own = kem.generate(random);
        return new Initiator() {
            @Override
            public byte[] publicValue() {
                return own.publicValue();
            }

            @Override
            public SharedSecret complete(byte[] serverValue) throws SshProtocolException {
                requireValue(serverValue);
                try {
                    return own.decapsulate(serverValue);
                } catch (Exception e) {
                    throw failed(e);
                }
            }
        };
    }

    @Override
    public Response respond(byte[] clientValue, SecureRandom random) throws SshProtocolException {
        requireValue(clientValue);
        try {
            return kem.encapsulate(clientValue, random);
        } catch (Exception e) {
            throw failed(e);
        }
    }

    private void requireValue(byte[] value) throws SshProtocolException {
        if (value == null) {
            throw new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, name + ": no peer value");
        }
    }

    /**
     * Keeps the message of our own checks, which names sizes and rules only; a library's
     * exception is not passed on as the cause, since its message may describe the values.
     */
    private SshProtocolException failed(Exception e) {
        if (e instanceof SshProtocolException p && p.reason() == DisconnectReason.KEY_EXCHANGE_FAILED) {
            return p;
        }
        String why = e instanceof SshProtocolException p ? p.getMessage() : "agreement failed";
        return new SshProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, name + ": " + why);
    }

    @Override
    public String toString() {
        return name;
    }
}
