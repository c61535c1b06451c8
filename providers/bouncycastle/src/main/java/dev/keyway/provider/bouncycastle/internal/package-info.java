/**
 * The Bouncy Castle provider's algorithms, on the lightweight API only ({@code org.bouncycastle.crypto}).
 * Not exported: the provider is reached only through
 * {@link dev.keyway.provider.bouncycastle.BouncyCastleAlgorithmProvider}. Each SSH algorithm is a
 * small immutable factory; each keyed object it creates holds reusable BC engines.
 */
package dev.keyway.provider.bouncycastle.internal;
