/**
 * The user authentication method SPI (RFC 4252 §5): a method is a plugin with a client half
 * and a server half; the protocol around them lives in the core. Providers list methods in
 * {@link dev.keyway.api.spi.AlgorithmProvider#userAuthMethods()}.
 */
package dev.keyway.api.auth;
