/**
 * The service provider interface. A provider module implements
 * {@link dev.keyway.api.spi.AlgorithmProvider} and lists named algorithms: key exchange
 * primitives, ciphers, MACs, signature algorithms and compression. The transport owns every
 * message flow; providers only supply primitives.
 */
package dev.keyway.api.spi;
