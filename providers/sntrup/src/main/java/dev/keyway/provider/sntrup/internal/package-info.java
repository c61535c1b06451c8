/**
 * The sntrup761 KEM and the X25519 agreement on Bouncy Castle's lightweight API, paired by
 * {@link dev.keyway.api.spi.EphemeralKeyExchange#hybrid}. Not exported: the provider is reached
 * only through {@link dev.keyway.provider.sntrup.SntrupAlgorithmProvider}.
 */
package dev.keyway.provider.sntrup.internal;
