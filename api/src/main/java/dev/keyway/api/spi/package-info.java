/**
 * The service provider interface. A provider module implements
 * {@link dev.keyway.api.spi.AlgorithmProvider} and lists named algorithms: key exchange
 * primitives, ciphers, MACs, signature algorithms and compression. The transport owns every
 * message flow; providers only supply primitives.
 *
 * <p>Providers need not implement the SSH rules around a primitive themselves:
 * {@link dev.keyway.api.spi.EphemeralKeyExchange} wraps a
 * {@link dev.keyway.api.spi.KeyAgreementPrimitive} with the peer value checks, the all-zero
 * check and the encoding of K (RFC 5656 §4, RFC 8731 §3), and
 * {@link dev.keyway.api.spi.GcmNonce} is the invocation counter of RFC 5647 §7.1.
 */
package dev.keyway.api.spi;
