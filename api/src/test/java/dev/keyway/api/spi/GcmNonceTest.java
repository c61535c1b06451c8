package dev.keyway.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** RFC 5647 §7.1: a fixed field and a 64-bit invocation counter that wraps within itself. */
class GcmNonceTest {
    private static final HexFormat HEX = HexFormat.of();

    @Property(tries = 300)
    void afterNAdvancesTheCounterIsUpByNAndTheFixedFieldUnchanged(@ForAll @Size(value = 12) byte[] iv,
            @ForAll @IntRange(max = 600) int n) {
        GcmNonce nonce = new GcmNonce(iv);
        for (int i = 0; i < n; i++) {
            nonce.advance();
        }
        byte[] now = nonce.current();
        assertArrayEquals(Arrays.copyOf(iv, 4), Arrays.copyOf(now, 4));
        long start = ByteBuffer.wrap(iv, 4, 8).getLong();
        assertEquals(start + n, ByteBuffer.wrap(now, 4, 8).getLong());
    }

    @Example
    void theCounterCarriesAcrossBytesAndWrapsWithoutTouchingTheFixedField() {
        GcmNonce carry = new GcmNonce(HEX.parseHex("00000001" + "00000000ffffffff"));
        carry.advance();
        assertArrayEquals(HEX.parseHex("000000010000000100000000"), carry.current());
        GcmNonce wrap = new GcmNonce(HEX.parseHex("a1b2c3d4" + "ffffffffffffffff"));
        wrap.advance();
        assertArrayEquals(HEX.parseHex("a1b2c3d40000000000000000"), wrap.current());
    }

    @Example
    void theIvIsCopiedAndCurrentIsACopy() {
        byte[] iv = new byte[12];
        GcmNonce nonce = new GcmNonce(iv);
        iv[0] = 1;
        nonce.current()[1] = 1;
        assertArrayEquals(new byte[12], nonce.current());
        assertEquals(BigInteger.ZERO, new BigInteger(nonce.current()));
    }

    @Example
    void onlyTwelveByteIvsAreTaken() {
        assertThrows(IllegalArgumentException.class, () -> new GcmNonce(new byte[11]));
        assertThrows(IllegalArgumentException.class, () -> new GcmNonce(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new GcmNonce(null));
    }
}
