package dev.keyway.provider.mlkem.internal;

import dev.keyway.api.spi.KemPrimitive;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import javax.security.auth.DestroyFailedException;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML-KEM (FIPS 203) on Bouncy Castle's {@link MLKEMKeyPairGenerator}, {@link MLKEMGenerator}
 * and {@link MLKEMExtractor}.
 *
 * <p>Randomness: a key pair draws d and then z, an encapsulation draws m, each with one
 * 32-byte {@code nextBytes} (Bouncy Castle 1.87, read in its byte code), as FIPS 203
 * Algorithms 19 and 20 name them.
 *
 * <p>A peer's encapsulation key passes FIPS 203 §7.2's input check before use: its length,
 * and the modulus check (every coefficient, decoded from 12 bits, below q = 3329), which
 * {@link MLKEMPublicKeyParameters} performs as it is built; a key that fails is an
 * {@link InvalidKeyException}. A ciphertext needs only its length (§7.3), which the hybrid
 * checks; decapsulating any ciphertext of that length succeeds, a forged one giving an
 * unrelated secret (implicit rejection, Algorithm 18).
 */
final class MlKem implements KemPrimitive<MLKEMPrivateKeyParameters> {
    /** ML-KEM-768 (FIPS 203 §8, Table 3): 1184-byte keys, 1088-byte ciphertexts. */
    static final MlKem ML_KEM_768 = new MlKem("ML-KEM-768", MLKEMParameters.ml_kem_768, 1184, 1088);
    /** ML-KEM-1024: 1568-byte keys and ciphertexts. */
    static final MlKem ML_KEM_1024 = new MlKem("ML-KEM-1024", MLKEMParameters.ml_kem_1024, 1568, 1568);

    private final String name;
    private final MLKEMParameters parameters;
    private final int keyBytes;
    private final int ciphertextBytes;

    private MlKem(String name, MLKEMParameters parameters, int keyBytes, int ciphertextBytes) {
        this.name = name;
        this.parameters = parameters;
        this.keyBytes = keyBytes;
        this.ciphertextBytes = ciphertextBytes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int encapsulationKeyBytes() {
        return keyBytes;
    }

    @Override
    public int ciphertextBytes() {
        return ciphertextBytes;
    }

    @Override
    public KeyPair<MLKEMPrivateKeyParameters> generate(SecureRandom random) {
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, parameters));
        var pair = generator.generateKeyPair();
        return new KeyPair<>((MLKEMPrivateKeyParameters) pair.getPrivate(),
                ((MLKEMPublicKeyParameters) pair.getPublic()).getEncoded());
    }

    @Override
    public Encapsulation encapsulate(byte[] encapsulationKey, SecureRandom random) throws GeneralSecurityException {
        SecretWithEncapsulation sent = new MLKEMGenerator(random).generateEncapsulated(checked(encapsulationKey));
        try {
            return new Encapsulation(sent.getEncapsulation(), sent.getSecret());
        } finally {
            destroy(sent);
        }
    }

    @Override
    public byte[] decapsulate(MLKEMPrivateKeyParameters decapsulationKey, byte[] ciphertext) {
        return new MLKEMExtractor(decapsulationKey).extractSecret(ciphertext);
    }

    /** FIPS 203 §7.2: the type check (length) and the modulus check, by Bouncy Castle. */
    private MLKEMPublicKeyParameters checked(byte[] encapsulationKey) throws InvalidKeyException {
        try {
            return new MLKEMPublicKeyParameters(parameters, encapsulationKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException(name + " encapsulation key fails the FIPS 203 input check");
        }
    }

    /** Bouncy Castle keeps a copy of the secret; the caller's copy is wiped by the hybrid. */
    private static void destroy(SecretWithEncapsulation sent) {
        try {
            sent.destroy();
        } catch (DestroyFailedException e) {
            // Nothing more can be done; the copy handed out is still wiped by its user.
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
