/**
 * The JCA provider's algorithms. Not exported: the provider is reached only through
 * {@link dev.keyway.provider.jca.JcaAlgorithmProvider}. Each SSH algorithm is a small immutable
 * factory; each keyed object it creates holds one reusable JCA engine.
 */
package dev.keyway.provider.jca.internal;
