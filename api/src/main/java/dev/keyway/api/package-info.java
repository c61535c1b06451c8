/**
 * Types shared by every Keyway module: protocol errors with their RFC 4253 §11.1 reason
 * codes, algorithm categories, and {@link dev.keyway.api.AlgorithmRegistry}, the immutable
 * snapshot of algorithm providers that a session is built from.
 */
package dev.keyway.api;
