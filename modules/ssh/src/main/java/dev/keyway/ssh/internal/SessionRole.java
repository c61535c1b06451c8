package dev.keyway.ssh.internal;

import dev.keyway.api.SshProtocolException;
import dev.keyway.transport.TransportEvent;

/**
 * What differs between the server and the client side of a stacked session; the
 * {@link SessionDriver} does the rest. Every method runs on the loop's thread.
 */
interface SessionRole {

    /** A transport event other than the end of the connection. */
    void onTransportEvent(TransportEvent event) throws SshProtocolException;

    /** Where SERVICE_REQUEST and SERVICE_ACCEPT go (RFC 4253 §10). */
    SessionDriver.MessageReceiver serviceLayer();

    /** Where messages 50 to 79 go, or null before user authentication has started (RFC 4252 §6). */
    SessionDriver.MessageReceiver userAuthLayer();

    /** Where messages 80 to 127 go, or null before the user is authenticated (RFC 4254 §1). */
    SessionDriver.MessageReceiver connectionLayer();

    /** Acts on whatever the user authentication and connection engines reported since the last call. */
    void pollEngines() throws SshProtocolException;

    /** Whether the user is logged in: the end of the handshake the connection's timer bounds. */
    boolean loggedIn();

    /** What the DISCONNECT says when the handshake timer runs out. */
    String handshakeTimeoutMessage();

    /** The socket took the output: writers that waited for room may go on. */
    void onOutputFlushed();

    /** The session is over: wake every thread that waits on it. Called once. */
    void onEnded(TransportEvent.Disconnected how);
}
