package dev.keyway.integration.openssh;

import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs a sans-I/O {@link SshTransport} over a blocking {@link Socket} in the calling thread:
 * what the engine has to send is written before each read, what arrives is fed to it. Every
 * read waits at most until the caller's {@link Deadline}; no thread is started. The events
 * taken so far are kept to explain a failure. Public for the hostile-peer catalogue, which
 * writes bytes of its own besides the engine's.
 */
public final class BlockingTransport implements AutoCloseable {
    private final Socket socket;
    private final SshTransport engine;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] inBuffer = new byte[64 * 1024];
    private final byte[] outBuffer = new byte[64 * 1024];
    private final List<TransportEvent> history = new ArrayList<>();
    private boolean endOfStream;
    /** Why writing stopped, or the reset that ended reading: the peer has closed. */
    private SocketException peerClosed;

    BlockingTransport(Socket socket, SshTransport engine) throws IOException {
        this.socket = socket;
        this.engine = engine;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        socket.setTcpNoDelay(true);
    }

    /** Connects to 127.0.0.1:{@code port} and runs a client engine there. */
    public static BlockingTransport connect(int port, SshTransport client, Deadline deadline) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), deadline.remainingMillis());
            return new BlockingTransport(s, client);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public SshTransport engine() {
        return engine;
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /** The events taken so far, oldest first. */
    List<TransportEvent> history() {
        return List.copyOf(history);
    }

    /** Writes everything the engine has queued. */
    public void flush() throws IOException {
        int n;
        while ((n = engine.readOutput(outBuffer, 0, outBuffer.length)) > 0) {
            write(outBuffer, n);
        }
    }

    /**
     * Writes to the peer unless it has closed its end. Writing to a peer that closed (after its
     * DISCONNECT, say) fails; what this side still had to say is then dropped and reading goes
     * on, so that what the peer sent before it closed is still taken.
     */
    private void write(byte[] b, int len) throws IOException {
        if (peerClosed != null) {
            return;
        }
        try {
            out.write(b, 0, len);
            out.flush();
        } catch (SocketException closed) {
            peerClosed = closed;
        }
    }

    /**
     * Takes what the engine has queued without sending it: a hostile peer alters it (flips a
     * bit of a MAC) or drops it (to open with bytes of its own) and writes with {@link #writeRaw}.
     */
    public byte[] takeOutput() {
        byte[] queued = new byte[engine.pendingOutput()];
        engine.readOutput(queued, 0, queued.length);
        return queued;
    }

    /** Writes what the engine has queued, then {@code bytes} as they are, past the engine. */
    public void writeRaw(byte[] bytes) throws IOException {
        flush();
        write(bytes, bytes.length);
    }

    /** Writes what the engine has queued and ends this side's output (TCP FIN); reading goes on. */
    void endOutput() throws IOException {
        flush();
        socket.shutdownOutput();
    }

    /**
     * The next event, reading from the peer as needed; null once the peer closed the
     * connection and no event is left.
     *
     * @throws AssertionError when the deadline passes first
     */
    public TransportEvent next(Deadline deadline) throws IOException {
        while (true) {
            flush();
            TransportEvent e = engine.pollEvent();
            if (e != null) {
                history.add(e);
                return e;
            }
            if (endOfStream) {
                return null;
            }
            socket.setSoTimeout(deadline.remainingMillis());
            int n;
            try {
                n = in.read(inBuffer);
            } catch (SocketTimeoutException timeout) {
                throw new AssertionError("the peer sent nothing more within " + deadline.limit().toSeconds()
                        + " s; events so far: " + describe());
            } catch (SocketException reset) {
                // A peer that closes with bytes of ours unread resets the connection: its end too.
                peerClosed = reset;
                n = -1;
            }
            if (n < 0) {
                endOfStream = true;
            } else {
                engine.receive(inBuffer, 0, n);
            }
        }
    }

    /** Takes events until one of {@code type} matches; any other event is only recorded. */
    public <T extends TransportEvent> T await(Class<T> type, Predicate<? super T> wanted, String what, Deadline deadline)
            throws IOException {
        while (true) {
            TransportEvent e = next(deadline);
            if (e == null) {
                throw new AssertionError("the peer closed the connection before " + what + "; events: " + describe());
            }
            if (type.isInstance(e) && wanted.test(type.cast(e))) {
                return type.cast(e);
            }
            if (e instanceof TransportEvent.Disconnected && type != TransportEvent.Disconnected.class) {
                throw new AssertionError("disconnected before " + what + ": " + e + "; events: " + describe());
            }
        }
    }

    /** Reads until the peer closes the connection, feeding the engine; fails past the deadline. */
    public void awaitEndOfStream(Deadline deadline) throws IOException {
        while (next(deadline) != null) {
            // Events after our DISCONNECT only matter to the history.
        }
    }

    /** A one-line account of the events so far, for failure messages. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (TransportEvent e : history) {
            b.append("\n  ").append(summary(e));
        }
        if (peerClosed != null) {
            b.append("\n  (the peer closed: ").append(peerClosed.getMessage()).append(')');
        }
        return b.toString();
    }

    private static String summary(TransportEvent e) {
        if (e instanceof TransportEvent.ServiceMessage m) {
            return "ServiceMessage[" + m.messageNumber() + ", " + m.payload().length + " bytes]";
        }
        if (e instanceof TransportEvent.KexInitSent || e instanceof TransportEvent.KexInitReceived) {
            return e.getClass().getSimpleName();
        }
        return e.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
