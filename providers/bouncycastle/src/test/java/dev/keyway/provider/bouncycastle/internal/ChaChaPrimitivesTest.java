package dev.keyway.provider.bouncycastle.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.util.Pack;
import org.junit.jupiter.api.Test;

/**
 * RFC 8439 vectors against the BC primitives {@link ChaChaPacketCipher} uses: the original
 * ChaCha20 ({@link ChaChaEngine}, 64-bit counter in state words 12-13, 64-bit nonce in
 * words 14-15) and raw {@link Poly1305}. RFC 8439 lays out a 32-bit counter (word 12) and a
 * 96-bit nonce (words 13-15), so its vectors fit the engine only where the first 4 nonce
 * bytes are zero: then they are the high counter word, and the last 8 nonce bytes are the
 * engine's nonce.
 */
class ChaChaPrimitivesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    /** RFC 8439 §2.3.2: the block function, whose nonce word 13 is not zero, so on the core. */
    @Test
    void blockFunction() {
        int[] state = new int[16];
        // "expand 32-byte k" (RFC 8439 §2.3), the key, counter 1, nonce 000000090000004a00000000.
        state[0] = 0x61707865;
        state[1] = 0x3320646e;
        state[2] = 0x79622d32;
        state[3] = 0x6b206574;
        Pack.littleEndianToInt(KEY, 0, state, 4, 8);
        state[12] = 1;
        Pack.littleEndianToInt(HEX.parseHex("000000090000004a00000000"), 0, state, 13, 3);
        int[] out = new int[16];
        ChaChaEngine.chachaCore(20, state, out);
        byte[] serialized = new byte[64];
        Pack.intToLittleEndian(out, serialized, 0);
        assertArrayEquals(HEX.parseHex("10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
                + "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e"), serialized);
    }

    /** RFC 8439 §2.4.2: encryption from block counter 1 through the engine, as the payload is. */
    @Test
    void encryption() {
        byte[] plain = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for"
                + " the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        ChaChaEngine engine = new ChaChaEngine();
        // RFC nonce 00000000 0000004a 00000000: the zero word is the high half of the counter.
        engine.init(true, new ParametersWithIV(new KeyParameter(KEY), HEX.parseHex("0000004a00000000")));
        engine.skip(64);
        byte[] cipher = new byte[plain.length];
        engine.processBytes(plain, 0, plain.length, cipher, 0);
        assertArrayEquals(HEX.parseHex("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
                + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
                + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
                + "5af90bbf74a35be6b40b8eedf2785e42874d"), cipher);
    }

    /** RFC 8439 §2.5.2: Poly1305 with a one-time key, as the tag is computed. */
    @Test
    void poly1305() {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(HEX.parseHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b")));
        byte[] message = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);
        mac.update(message, 0, message.length);
        byte[] tag = new byte[16];
        mac.doFinal(tag, 0);
        assertArrayEquals(HEX.parseHex("a8061dc1305136c6c22b8baf0c0127a9"), tag);
    }
}
