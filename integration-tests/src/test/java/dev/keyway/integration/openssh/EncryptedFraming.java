package dev.keyway.integration.openssh;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.spi.AeadCipherAlgorithm;
import dev.keyway.api.spi.CipherAlgorithm;
import dev.keyway.api.spi.MacAlgorithm;
import dev.keyway.api.wire.SshReader;
import dev.keyway.transport.KexInit;
import java.util.List;

/**
 * How one direction frames its packets once its keys are in force, as far as someone who read
 * both KEXINITs in clear can tell without any key: the cipher and MAC the peers will pick (RFC
 * 4253 §7.1, the first client algorithm the server also lists), whether {@code packet_length}
 * still travels in clear, the block size the padding fills, and how many bytes of tag or MAC
 * follow each packet. Enough to cut one whole packet out of the stream.
 *
 * @param mac the MAC, or null for an AEAD cipher
 */
record EncryptedFraming(String cipher, String mac, boolean lengthInClear, int alignment, int trailerLength) {
    private static final String CHACHA20_POLY1305 = "chacha20-poly1305@openssh.com";

    static EncryptedFraming negotiated(KexInit client, KexInit server, boolean clientToServer,
            AlgorithmRegistry registry) {
        String cipher = clientToServer
                ? firstCommon(client.encryptionClientToServer(), server.encryptionClientToServer())
                : firstCommon(client.encryptionServerToClient(), server.encryptionServerToClient());
        CipherAlgorithm c = registry.cipher(cipher).orElseThrow();
        int alignment = Math.max(8, c.blockSize());
        if (c instanceof AeadCipherAlgorithm aead) {
            // PROTOCOL.chacha20poly1305 encrypts the length under a key of its own; AES-GCM
            // leaves it in clear as associated data (RFC 5647 §7.3).
            return new EncryptedFraming(cipher, null, !cipher.equals(CHACHA20_POLY1305), alignment, aead.tagLength());
        }
        String mac = clientToServer
                ? firstCommon(client.macClientToServer(), server.macClientToServer())
                : firstCommon(client.macServerToClient(), server.macServerToClient());
        MacAlgorithm m = registry.mac(mac).orElseThrow();
        // OpenSSH PROTOCOL §1.5: the -etm MACs send the length in clear; the others encrypt it.
        return new EncryptedFraming(cipher, mac, m.encryptThenMac(), alignment, m.macLength());
    }

    private static String firstCommon(List<String> client, List<String> server) {
        return client.stream().filter(server::contains).findFirst()
                .orElseThrow(() -> new IllegalStateException("no common algorithm in " + client + " and " + server));
    }

    /**
     * The size on the wire of the packet at the start of {@code buf}, or -1 until its length
     * field has arrived. A clear length is read; a hidden one is worked out from the payload
     * length the attacker expects, with the least padding RFC 4253 §6 allows (OpenSSH and
     * Keyway both pad that way; a sender drawing random padding lengths would defeat this).
     *
     * @throws IllegalStateException when the length is hidden and no payload length is expected
     */
    int packetSize(byte[] buf, int available, int expectedPayloadLength) {
        if (lengthInClear) {
            return available < 4 ? -1 : 4 + SshReader.uint32At(buf, 0) + trailerLength;
        }
        if (expectedPayloadLength <= 0) {
            throw new IllegalStateException(cipher + " hides packet_length: the attacker must know the payload length");
        }
        // The length field counts towards the block size only in the classic encrypt-and-MAC
        // order; chacha20-poly1305 leaves it out although it encrypts it.
        int counted = (mac != null ? 5 : 1) + expectedPayloadLength;
        int padding = alignment - counted % alignment;
        if (padding < 4) {
            padding += alignment;
        }
        return 4 + 1 + expectedPayloadLength + padding + trailerLength;
    }
}
