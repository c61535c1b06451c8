/**
 * The JDK provider's algorithm classes; not exported. Each SSH algorithm is a small
 * immutable factory, and each keyed object it creates holds one reusable JCA engine.
 */
package dev.keyway.provider.jca.internal;
