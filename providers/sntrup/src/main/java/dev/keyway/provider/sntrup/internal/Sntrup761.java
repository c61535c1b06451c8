package dev.keyway.provider.sntrup.internal;

import dev.keyway.api.spi.KemPrimitive;
import java.security.SecureRandom;
import javax.security.auth.DestroyFailedException;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMExtractor;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyPairGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePrivateKeyParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePublicKeyParameters;

/**
 * The sntrup761 KEM of Streamlined NTRU Prime (the NIST round-3 submission, as in OpenSSH's
 * {@code sntrup761.c}) on Bouncy Castle's lightweight API. Bouncy Castle 1.78 and later derive
 * the shared secret as OpenSSH does; older versions do not interoperate.
 *
 * <p>Randomness: key generation takes 4 bytes for each of the 761 coefficients of g (again
 * until g is invertible mod 3), 4 for each of f, then the 191 bytes of rho, which implicit
 * rejection uses; encapsulation takes 4 for each coefficient of r. These are the reference
 * implementation's bytes in its order, which is what lets the submission's known-answer file
 * be replayed, though Bouncy Castle draws a polynomial's in one call where the reference makes
 * one call per coefficient. Decapsulation never fails: a ciphertext that does not re-encrypt to
 * itself yields a secret derived from rho instead.
 */
final class Sntrup761 implements KemPrimitive<SNTRUPrimePrivateKeyParameters> {
    private static final SNTRUPrimeParameters PARAMETERS = SNTRUPrimeParameters.sntrup761;

    @Override
    public String name() {
        return "sntrup761";
    }

    @Override
    public int encapsulationKeyBytes() {
        return PARAMETERS.getPublicKeyBytes();
    }

    @Override
    public int ciphertextBytes() {
        return PARAMETERS.getEncapsulationLength();
    }

    @Override
    public KeyPair<SNTRUPrimePrivateKeyParameters> generate(SecureRandom random) {
        SNTRUPrimeKeyPairGenerator generator = new SNTRUPrimeKeyPairGenerator();
        generator.init(new SNTRUPrimeKeyGenerationParameters(random, PARAMETERS));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new KeyPair<>((SNTRUPrimePrivateKeyParameters) pair.getPrivate(),
                ((SNTRUPrimePublicKeyParameters) pair.getPublic()).getEncoded());
    }

    @Override
    public Encapsulation encapsulate(byte[] encapsulationKey, SecureRandom random) {
        SecretWithEncapsulation made = new SNTRUPrimeKEMGenerator(random)
                .generateEncapsulated(new SNTRUPrimePublicKeyParameters(PARAMETERS, encapsulationKey));
        Encapsulation out = new Encapsulation(made.getEncapsulation(), made.getSecret());
        try {
            made.destroy();
        } catch (DestroyFailedException e) {
            out.wipe();
            throw new IllegalStateException("Bouncy Castle kept the sntrup761 secret", e);
        }
        return out;
    }

    @Override
    public byte[] decapsulate(SNTRUPrimePrivateKeyParameters decapsulationKey, byte[] ciphertext) {
        return new SNTRUPrimeKEMExtractor(decapsulationKey).extractSecret(ciphertext);
    }
}
