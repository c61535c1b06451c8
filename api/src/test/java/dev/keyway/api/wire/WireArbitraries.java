package dev.keyway.api.wire;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Generators for the RFC 4251 §5 data types, shared by the wire properties. */
final class WireArbitraries {
    private WireArbitraries() {
    }

    /**
     * Integers of every sign and size up to a 4096-bit modulus, built from random two's
     * complement bytes so that values with the top bit of a byte set (the case that needs a
     * 0x00 or 0xff sign byte) are as common as those without; plus the edge cases.
     */
    static Arbitrary<BigInteger> bigIntegers() {
        Arbitrary<BigInteger> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(520)
                .map(BigInteger::new);
        Arbitrary<BigInteger> edges = Arbitraries.of(
                BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(),
                BigInteger.valueOf(0x7f), BigInteger.valueOf(0x80), BigInteger.valueOf(0xff),
                BigInteger.valueOf(-0x80), BigInteger.valueOf(-0x81),
                BigInteger.ONE.shiftLeft(4095), BigInteger.ONE.shiftLeft(4096).subtract(BigInteger.ONE));
        return Arbitraries.frequencyOf(
                Tuple.of(4, random), Tuple.of(1, edges));
    }

    /** One algorithm-like name: printable US-ASCII except comma and space (RFC 4251 §5). */
    static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('!', '~').excludeChars(',')
                .ofMinLength(1).ofMaxLength(24);
    }

    static Arbitrary<List<String>> nameLists() {
        return names().list().ofMaxSize(8);
    }

    /** Unicode text without lone surrogates, which have no UTF-8 form. */
    static Arbitrary<String> text() {
        return Arbitraries.strings()
                .withCharRange('\u0000', '\ud7ff')
                .withCharRange('\ue000', '\uffff')
                .ofMaxLength(40)
                .flatMap(bmp -> Arbitraries.integers().between(0x10000, 0x10ffff).list().ofMaxSize(3)
                        .map(supplementary -> {
                            StringBuilder sb = new StringBuilder(bmp);
                            supplementary.forEach(sb::appendCodePoint);
                            return sb.toString();
                        }));
    }
}
