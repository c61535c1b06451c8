package dev.keyway.api.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.SshProtocolException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class SignatureBlobTest {

    @Property(tries = 100)
    void signatureBlobsRoundTrip(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String name,
            @ForAll @Size(max = 600) byte[] sig) throws SshProtocolException {
        SignatureBlob blob = new SignatureBlob(name, sig);
        byte[] wire = blob.encode();
        assertEquals(blob, SignatureBlob.decode(wire));
        assertArrayEquals(sig, SignatureBlob.signatureFor(name, wire).orElseThrow());
        assertTrue(SignatureBlob.signatureFor(name + "x", wire).isEmpty());
        for (int cut = 0; cut < wire.length; cut++) {
            byte[] prefix = Arrays.copyOf(wire, cut);
            assertThrows(SshProtocolException.class, () -> SignatureBlob.decode(prefix));
            assertTrue(SignatureBlob.signatureFor(name, prefix).isEmpty());
        }
        assertTrue(SignatureBlob.signatureFor(name, Arrays.copyOf(wire, wire.length + 1)).isEmpty());
    }

    @Provide
    Arbitrary<BigInteger> positive() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.ONE.shiftLeft(521));
    }

    @Property(tries = 200)
    void ecdsaBothFormsRoundTrip(@ForAll("positive") BigInteger r, @ForAll("positive") BigInteger s)
            throws SshProtocolException {
        EcdsaSignature sig = new EcdsaSignature(r, s);
        assertEquals(sig, EcdsaSignature.decodeSsh(sig.encodeSsh()));
        assertEquals(sig, EcdsaSignature.fromDer(sig.toDer()));
        byte[] ssh = sig.encodeSsh();
        byte[] der = sig.toDer();
        for (int cut = 0; cut < ssh.length; cut += 3) {
            byte[] prefix = Arrays.copyOf(ssh, cut);
            assertThrows(SshProtocolException.class, () -> EcdsaSignature.decodeSsh(prefix));
        }
        for (int cut = 0; cut < der.length; cut += 3) {
            byte[] prefix = Arrays.copyOf(der, cut);
            assertThrows(SshProtocolException.class, () -> EcdsaSignature.fromDer(prefix));
        }
    }

    @Property(tries = 500)
    void ecdsaDecodersOnlyThrowProtocolErrors(@ForAll @Size(max = 80) byte[] junk) {
        try {
            EcdsaSignature.fromDer(junk);
        } catch (SshProtocolException expected) {
            assertTrue(expected.getMessage() != null);
        }
        try {
            EcdsaSignature.decodeSsh(junk);
        } catch (SshProtocolException expected) {
            assertTrue(expected.getMessage() != null);
        }
    }

    @Example
    void derMatchesWhatTheJdkProduces() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        for (int i = 0; i < 20; i++) {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(kp.getPrivate());
            s.update(new byte[] {(byte) i});
            byte[] der = s.sign();
            EcdsaSignature parsed = EcdsaSignature.fromDer(der);
            assertArrayEquals(der, parsed.toDer());
            assertTrue(parsed.inRange(NistP256.N));
        }
    }

    @Example
    void zeroOrNegativeHalvesAreRejected() {
        byte[] zero = new EcdsaSignature(BigInteger.ZERO, BigInteger.ONE).encodeSsh();
        assertThrows(SshProtocolException.class, () -> EcdsaSignature.decodeSsh(zero));
        byte[] negative = new EcdsaSignature(BigInteger.ONE, BigInteger.valueOf(-5)).toDer();
        assertThrows(SshProtocolException.class, () -> EcdsaSignature.fromDer(negative));
    }
}
