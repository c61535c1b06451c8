/**
 * The JCA provider's algorithms. Not exported: the provider is reached only through
 * {@link dev.keyway.provider.jca.JcaAlgorithmProvider}.
 */
package dev.keyway.provider.jca.internal;
