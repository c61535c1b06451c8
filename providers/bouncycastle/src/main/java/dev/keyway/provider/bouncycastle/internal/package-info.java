/**
 * The Bouncy Castle provider's algorithms, on the lightweight API only. Not exported: the
 * provider is reached only through
 * {@link dev.keyway.provider.bouncycastle.BouncyCastleAlgorithmProvider}.
 */
package dev.keyway.provider.bouncycastle.internal;
