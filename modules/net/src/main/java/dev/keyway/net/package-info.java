/**
 * The network layer. An {@link dev.keyway.net.EventLoop} is one thread that does the socket
 * I/O and the timers of the connections it owns; a {@link dev.keyway.net.Connection} moves
 * bytes between a socket and a sans-I/O {@link dev.keyway.net.ProtocolDriver}. Engines are
 * only ever touched on their loop's thread, so they need no locks.
 */
package dev.keyway.net;
