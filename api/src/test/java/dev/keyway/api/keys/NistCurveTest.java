package dev.keyway.api.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.interfaces.ECPublicKey;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Example;

/** The curve constants and the point checks of {@link NistCurve}, for both curves. */
class NistCurveTest {
    private static final List<NistCurve> CURVES = List.of(NistCurve.P256, NistCurve.P384);

    private static ECParameterSpec jdkParameters(String name) throws Exception {
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec(name));
        return p.getParameterSpec(ECParameterSpec.class);
    }

    private static void assertRefused(NistCurve curve, byte[] value) {
        SshProtocolException e = assertThrows(SshProtocolException.class, () -> curve.checkKeyExchangeValue(value),
                curve + " " + HexFormat.of().formatHex(value));
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
    }

    @Example
    void constantsAreTheJdksNamedCurves() throws Exception {
        assertTrue(NistCurve.P256.isCurve(jdkParameters("secp256r1")));
        assertTrue(NistCurve.P384.isCurve(jdkParameters("secp384r1")));
        assertFalse(NistCurve.P384.isCurve(jdkParameters("secp256r1")));
        assertEquals(NistP256.N, NistCurve.P256.order());
        assertEquals(97, NistCurve.P384.pointBytes());
        assertEquals("nistp384", NistCurve.P384.sshIdentifier());
    }

    @Example
    void aJdkPublicKeyRoundTripsThroughTheCheck() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        ECPublicKey key = (ECPublicKey) g.generateKeyPair().getPublic();
        byte[] encoded = NistCurve.P384.encodePoint(key.getW());
        assertEquals(key.getW(), NistCurve.P384.decodePoint(encoded, DisconnectReason.KEY_EXCHANGE_FAILED));
    }

    @Example
    void invalidPointsAreRefused() {
        for (NistCurve curve : CURVES) {
            byte[] g = curve.encodePoint(curve.generator());
            int f = curve.fieldBytes();
            assertRefused(curve, new byte[] {0});                      // infinity
            assertRefused(curve, Arrays.copyOf(g, g.length - 1));
            assertRefused(curve, Arrays.copyOf(g, g.length + 1));
            byte[] compressed = Arrays.copyOf(g, 1 + f);
            compressed[0] = (byte) (2 + (g[g.length - 1] & 1));
            assertRefused(curve, compressed);
            byte[] offCurve = g.clone();
            offCurve[g.length - 1] ^= 1;
            assertRefused(curve, offCurve);
            byte[] xIsP = g.clone();
            curve.writeFixed(curve.p(), xIsP, 1);
            assertRefused(curve, xIsP);
            byte[] yIsP = g.clone();
            curve.writeFixed(curve.p(), yIsP, 1 + f);
            assertRefused(curve, yIsP);
        }
    }

    @Example
    void writeFixedPadsToTheFieldAndRefusesWiderValues() {
        byte[] out = new byte[48];
        NistCurve.P384.writeFixed(BigInteger.ONE, out, 0);
        byte[] one = new byte[48];
        one[47] = 1;
        assertArrayEquals(one, out);
        assertThrows(IllegalArgumentException.class,
                () -> NistCurve.P384.writeFixed(BigInteger.ONE.shiftLeft(384), new byte[48], 0));
        assertThrows(IllegalArgumentException.class,
                () -> NistCurve.P256.encodePoint(java.security.spec.ECPoint.POINT_INFINITY));
    }
}
