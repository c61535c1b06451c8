/**
 * Conversions between {@code java.security} public keys, the common currency between
 * providers, and the SSH wire forms of keys and signatures: public key blobs ({@code ssh-rsa},
 * RFC 4253 §6.6; {@code ecdsa-sha2-nistp256}, RFC 5656 §3.1; {@code ssh-ed25519}, RFC 8709
 * §4), signature blobs (RFC 4253 §6.6) and the ECDSA {@code mpint r, mpint s} form
 * (RFC 5656 §3.1.2) with its DER equivalent for JCA.
 *
 * <p>{@link dev.keyway.api.keys.SshSignature} composes these into a whole
 * {@link dev.keyway.api.spi.SignatureAlgorithm} around a provider's
 * {@link dev.keyway.api.keys.SignaturePrimitive}, so that the SSH rules of signatures (blob
 * framing, accepted keys, RFC 8332 §3 padding, never throwing for peer input) are written once.
 *
 * <p>Everything here uses only the JDK. Decoders treat their input as hostile: anything
 * malformed is an {@link dev.keyway.api.SshProtocolException}, never another exception.
 */
package dev.keyway.api.keys;
