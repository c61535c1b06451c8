/**
 * The SSH connection protocol (RFC 4254) as a sans-I/O engine: {@link
 * dev.keyway.connection.ConnectionEngine} takes the peer's connection messages and hands
 * its own to a {@link dev.keyway.api.MessageSender}; channels, flow control and
 * requests are reported as {@link dev.keyway.connection.ConnectionEvent}s.
 */
package dev.keyway.connection;
