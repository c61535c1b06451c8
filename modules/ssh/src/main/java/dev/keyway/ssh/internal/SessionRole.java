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

    /** One service message straight from the transport's input buffer (valid during the call only). */
    void onServiceMessage(int type, byte[] buf, int off, int len) throws SshProtocolException;

    /** Acts on whatever the user authentication and connection engines reported since the last call. */
    void pollEngines() throws SshProtocolException;

    /** The session is over: wake every thread that waits on it. Called once. */
    void onEnded(String why);
}
