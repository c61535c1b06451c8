/**
 * The conformance kit: jqwik property suites and known-answer vectors that an algorithm
 * provider's tests extend to prove the provider obeys the SPI contracts.
 *
 * <ul>
 * <li>{@link dev.keyway.conformance.CipherConformance}: AEAD and bulk ciphers (round trips
 * of well-formed packets up to 35,000 bytes, across the 2^32 sequence number wrap; tamper
 * rejection; nonce freshness; determinism; declared sizes; SP 800-38A AES-CTR and sealed
 * chacha20-poly1305@openssh.com vectors).</li>
 * <li>{@link dev.keyway.conformance.MacConformance}: MACs (determinism, key and sequence
 * number sensitivity, exact output length; RFC 4231 vectors).</li>
 * <li>{@link dev.keyway.conformance.KeyExchangeConformance} and
 * {@link dev.keyway.conformance.SignatureConformance}: agreement, signatures, blob formats,
 * invalid and mangled peer input.</li>
 * <li>{@link dev.keyway.conformance.CompressionConformance}: payload streams round trip,
 * the limit is exact, decompression bombs are refused with COMPRESSION_ERROR and a bounded
 * allocation, {@code delayed()} as the standard says; for {@code zlib} and
 * {@code zlib@openssh.com}, the zlib stream read by an independent inflater, OpenSSH's own
 * bytes (partial flush) decompressed, garbled streams survived and streams that end refused.</li>
 * <li>{@link dev.keyway.conformance.UserAuthMethodConformance}: a user authentication
 * method's halves against each other, with a {@link dev.keyway.conformance.UserAuthFixture}
 * of right and wrong credentials.</li>
 * <li>{@link dev.keyway.conformance.CrossProviderConformance}: two providers must agree byte
 * for byte on every name both offer.</li>
 * <li>{@link dev.keyway.conformance.GcmKnownAnswers}: published GCM cases for a provider's
 * internal GCM calls, which the SPI cannot reach with arbitrary additional data.</li>
 * </ul>
 *
 * <p>Each suite's checks are plain methods that throw {@link AssertionError}, so the kit's
 * own tests run them against deliberately broken toy algorithms. Every decoding entry point
 * is also fed random bytes, truncations and lying length fields, with the allocation of each
 * call bounded per thread.
 */
package dev.keyway.conformance;
