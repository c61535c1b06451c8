/**
 * The ML-KEM hybrids' library halves on Bouncy Castle's lightweight API: the KEM
 * ({@link dev.keyway.api.spi.KemPrimitive}) and the classic agreements
 * ({@link dev.keyway.api.spi.KeyAgreementPrimitive}). Not exported: the provider is reached only
 * through {@link dev.keyway.provider.mlkem.MlKemAlgorithmProvider}.
 *
 * <p>Each half takes its private key from the caller's random in a documented way, so that the
 * conformance kit can inject known-answer keys: ML-KEM draws d then z (FIPS 203 Algorithm 19)
 * for a key pair and m (Algorithm 20) for an encapsulation, each one 32-byte {@code nextBytes};
 * X25519 draws its 32-byte scalar at once; ECDH draws its scalar as the field's length of
 * big-endian bytes.
 */
package dev.keyway.provider.mlkem.internal;
