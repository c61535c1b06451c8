package dev.keyway.provider.bouncycastle.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.conformance.VectorFile;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.util.Pack;
import org.junit.jupiter.api.Test;

/**
 * RFC 8439 vectors (kept in the kit's {@code chacha20-poly1305-rfc8439.txt}) against the BC
 * primitives {@link ChaChaPacketCipher} uses: the original ChaCha20 ({@link ChaChaEngine},
 * 64-bit counter in state words 12-13, 64-bit nonce in words 14-15) and raw {@link Poly1305}.
 * RFC 8439 lays out a 32-bit counter (word 12) and a 96-bit nonce (words 13-15), so its
 * vectors fit the engine only where the first 4 nonce bytes are zero: then they are the high
 * counter word, and the last 8 nonce bytes are the engine's nonce.
 */
class ChaChaPrimitivesTest {
    private static final List<VectorFile.Vector> VECTORS = VectorFile.load("chacha20-poly1305-rfc8439.txt");

    private static VectorFile.Vector vector(String kind) {
        return VECTORS.stream().filter(v -> v.text("kind").equals(kind)).findFirst().orElseThrow();
    }

    /** §2.3.2: the block function, whose nonce word 13 is not zero, so on the core. */
    @Test
    void blockFunction() {
        VectorFile.Vector v = vector("block");
        int[] state = new int[16];
        // "expand 32-byte k" (RFC 8439 §2.3), then the key, the counter and the nonce.
        state[0] = 0x61707865;
        state[1] = 0x3320646e;
        state[2] = 0x79622d32;
        state[3] = 0x6b206574;
        Pack.littleEndianToInt(v.bytes("key"), 0, state, 4, 8);
        state[12] = Integer.parseInt(v.text("counter"));
        Pack.littleEndianToInt(v.bytes("nonce"), 0, state, 13, 3);
        int[] out = new int[16];
        ChaChaEngine.chachaCore(20, state, out);
        byte[] serialized = new byte[64];
        Pack.intToLittleEndian(out, serialized, 0);
        assertArrayEquals(v.bytes("out"), serialized);
    }

    /** §2.4.2: encryption from block counter 1 through the engine, as the payload is. */
    @Test
    void encryption() {
        VectorFile.Vector v = vector("encrypt");
        byte[] nonce = v.bytes("nonce");
        assertArrayEquals(new byte[4], Arrays.copyOf(nonce, 4), "fits the 64-bit nonce layout");
        byte[] plain = v.bytes("plain");
        ChaChaEngine engine = new ChaChaEngine();
        // The RFC's zero first nonce word is the high half of the engine's 64-bit counter.
        engine.init(true, new ParametersWithIV(new KeyParameter(v.bytes("key")), Arrays.copyOfRange(nonce, 4, 12)));
        engine.skip(64L * Integer.parseInt(v.text("counter")));
        byte[] cipher = new byte[plain.length];
        engine.processBytes(plain, 0, plain.length, cipher, 0);
        assertArrayEquals(v.bytes("out"), cipher);
    }

    /** §2.5.2: Poly1305 with a one-time key, as the tag is computed. */
    @Test
    void poly1305() {
        VectorFile.Vector v = vector("poly1305");
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(v.bytes("key")));
        byte[] message = v.bytes("message");
        mac.update(message, 0, message.length);
        byte[] tag = new byte[16];
        mac.doFinal(tag, 0);
        assertArrayEquals(v.bytes("tag"), tag);
        assertEquals(3, VECTORS.size(), "every vector in the file is run");
    }
}
