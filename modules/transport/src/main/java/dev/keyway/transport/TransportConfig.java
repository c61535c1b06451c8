package dev.keyway.transport;

import dev.keyway.api.AlgorithmRegistry;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * Everything a transport engine needs from outside: the algorithm snapshot and the policy
 * over it, the randomness source, limits, and the role-specific keys or checks. Immutable.
 *
 * @param registry the algorithms available, fixed for the session's life
 * @param policy which algorithms to offer, in what order
 * @param random randomness for cookies, padding and ephemeral keys
 * @param softwareVersion the softwareversion part of the identification string (RFC 4253 §4.2)
 * @param rekeyAfterBytes start a new key exchange once this many bytes went either way
 *        since the last one (RFC 4253 §9 recommends 1 GiB)
 * @param rekeyAfterPackets start one once either direction carried this many packets under
 *        the current keys (OpenSSH's 2^31; a key never protects 2^32, see {@code KeyLifetime})
 * @param outputHighWater the bytes waiting for the peer (queued and held during an exchange)
 *        at which the engine stops taking input, so that a peer that does not read cannot
 *        make it buffer more
 * @param maxPacketLength the largest {@code packet_length} accepted, checked before allocation
 * @param strictKex offer OpenSSH's strict key exchange (the Terrapin countermeasure)
 * @param hostKeys the server's host key pairs (server only)
 * @param hostKeyVerifier the client's trust decision on the server's key (client only)
 */
public record TransportConfig(
        AlgorithmRegistry registry,
        AlgorithmPolicy policy,
        SecureRandom random,
        String softwareVersion,
        long rekeyAfterBytes,
        long rekeyAfterPackets,
        int maxPacketLength,
        int outputHighWater,
        boolean strictKex,
        List<KeyPair> hostKeys,
        HostKeyVerifier hostKeyVerifier) {

    /** RFC 4253 §9: re-exchange after each gigabyte. */
    public static final long DEFAULT_REKEY_BYTES = 1L << 30;
    /** OpenSSH's MAX_PACKETS (RFC 4344 §3.1 asks for a re-exchange before 2^32). */
    public static final long DEFAULT_REKEY_PACKETS = 1L << 31;
    /** OpenSSH's limit; RFC 4253 §6.1 requires at least 35000. */
    public static final int DEFAULT_MAX_PACKET_LENGTH = 256 * 1024;
    /**
     * Enough output in flight to keep a fast link busy (eight 32 KiB channel packets), small
     * enough that a thousand stalled peers cost a quarter of a gigabyte at worst.
     */
    public static final int DEFAULT_OUTPUT_HIGH_WATER = 256 * 1024;

    public TransportConfig {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        hostKeys = List.copyOf(hostKeys);
        Objects.requireNonNull(hostKeyVerifier, "hostKeyVerifier");
        if (rekeyAfterBytes <= 0 || rekeyAfterPackets <= 0) {
            throw new IllegalArgumentException("re-key limits must be positive");
        }
        if (outputHighWater < 1) {
            throw new IllegalArgumentException("outputHighWater must be positive");
        }
        if (maxPacketLength < 35000) {
            throw new IllegalArgumentException("RFC 4253 §6.1 requires packets of at least 35000 bytes");
        }
        if (softwareVersion.isEmpty() || !softwareVersion.chars().allMatch(c -> c > ' ' && c < 127 && c != '-')) {
            throw new IllegalArgumentException("softwareversion must be printable US-ASCII without spaces or '-'");
        }
    }

    /** A builder with the defaults: default policy, a new SecureRandom, 1 GiB rekey, strict KEX. */
    public static Builder builder(AlgorithmRegistry registry) {
        return new Builder(registry);
    }

    /** The identification string this side sends, without CR LF. */
    public String identification() {
        return "SSH-2.0-" + softwareVersion;
    }

    /** Builds a {@link TransportConfig}. */
    public static final class Builder {
        private final AlgorithmRegistry registry;
        private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
        private SecureRandom random;
        private String softwareVersion = "Keyway_0.1";
        private long rekeyAfterBytes = DEFAULT_REKEY_BYTES;
        private long rekeyAfterPackets = DEFAULT_REKEY_PACKETS;
        private int maxPacketLength = DEFAULT_MAX_PACKET_LENGTH;
        private int outputHighWater = DEFAULT_OUTPUT_HIGH_WATER;
        private boolean strictKex = true;
        private List<KeyPair> hostKeys = List.of();
        private HostKeyVerifier hostKeyVerifier = key -> false;

        private Builder(AlgorithmRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        public Builder policy(AlgorithmPolicy policy) {
            this.policy = policy;
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        public Builder softwareVersion(String softwareVersion) {
            this.softwareVersion = softwareVersion;
            return this;
        }

        public Builder rekeyAfterBytes(long bytes) {
            this.rekeyAfterBytes = bytes;
            return this;
        }

        public Builder rekeyAfterPackets(long packets) {
            this.rekeyAfterPackets = packets;
            return this;
        }

        public Builder outputHighWater(int bytes) {
            this.outputHighWater = bytes;
            return this;
        }

        public Builder maxPacketLength(int length) {
            this.maxPacketLength = length;
            return this;
        }

        public Builder strictKex(boolean strictKex) {
            this.strictKex = strictKex;
            return this;
        }

        public Builder hostKeys(List<KeyPair> hostKeys) {
            this.hostKeys = hostKeys;
            return this;
        }

        public Builder hostKeyVerifier(HostKeyVerifier verifier) {
            this.hostKeyVerifier = verifier;
            return this;
        }

        public TransportConfig build() {
            return new TransportConfig(registry, policy, random != null ? random : new SecureRandom(),
                    softwareVersion, rekeyAfterBytes, rekeyAfterPackets, maxPacketLength, outputHighWater, strictKex,
                    hostKeys, hostKeyVerifier);
        }
    }
}
