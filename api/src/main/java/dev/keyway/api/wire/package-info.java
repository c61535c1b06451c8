/**
 * The SSH data types of RFC 4251 §5 (byte, boolean, uint32, uint64, string, mpint,
 * name-list), encoded by {@link dev.keyway.api.wire.SshWriter} and decoded by
 * {@link dev.keyway.api.wire.SshReader}, the one place in Keyway that does either.
 */
package dev.keyway.api.wire;
