/**
 * The Bouncy Castle provider's algorithm classes on BC's lightweight API
 * ({@code org.bouncycastle.crypto}); not exported. Each SSH algorithm is a small immutable
 * factory, and each keyed object it creates holds reusable BC engines.
 */
package dev.keyway.provider.bouncycastle.internal;
