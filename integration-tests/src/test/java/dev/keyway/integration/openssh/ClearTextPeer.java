package dev.keyway.integration.openssh;

import dev.keyway.api.wire.SshReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A hostile client that writes the protocol by hand before any key is in force: an
 * identification line (RFC 4253 §4.2), then whatever clear-text binary packets (§6) a test
 * builds, name-lists and flags included that no real client would send. It reads the server's
 * clear-text packets back, up to its DISCONNECT or its NEWKEYS, after which nothing is clear.
 */
final class ClearTextPeer implements AutoCloseable {
    static final int DISCONNECT = 1;
    static final int KEXINIT = 20;
    static final int NEWKEYS = 21;
    static final int KEX_ECDH_INIT = 30;
    static final int KEX_ECDH_REPLY = 31;
    /** The largest packet read back: the server's own are far smaller. */
    private static final int MAX_PACKET = 256 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private boolean identificationRead;

    private ClearTextPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
        socket.setTcpNoDelay(true);
    }

    /** Connects to 127.0.0.1:{@code port} and sends an identification line. */
    static ClearTextPeer connect(int port, Deadline deadline) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), deadline.remainingMillis());
            ClearTextPeer peer = new ClearTextPeer(s);
            peer.out.write("SSH-2.0-KeywayAttack_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
            return peer;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Sends one clear-text packet per payload, all in one write. */
    void send(byte[]... payloads) throws IOException {
        for (byte[] payload : payloads) {
            sendRaw(MitmDirection.clearTextPacket(payload));
        }
    }

    /** Sends bytes as they are: a packet framed by hand, or part of one. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * The payload of the server's next packet, its identification line skipped; null when the
     * server closed the connection (or reset it) first.
     *
     * @throws AssertionError when the deadline passes first
     */
    byte[] next(Deadline deadline) throws IOException {
        socket.setSoTimeout(deadline.remainingMillis());
        try {
            if (!identificationRead) {
                skipIdentification();
            }
            int length = in.readInt();
            if (length < 5 || length > MAX_PACKET) {
                throw new AssertionError("the server sent a packet_length of " + length);
            }
            int padding = in.readUnsignedByte();
            byte[] payload = new byte[length - 1 - padding];
            in.readFully(payload);
            in.skipNBytes(padding);
            return payload;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server sent nothing more within " + deadline.limit().toSeconds() + " s", e);
        } catch (EOFException e) {
            return null;
        } catch (IOException e) {
            if (socket.isClosed()) {
                throw e;
            }
            return null; // reset by the server
        }
    }

    /**
     * The payload of the server's next packet that is either SSH_MSG_DISCONNECT or the message
     * {@code number}, skipping others; null when the server closed the connection first.
     */
    byte[] await(int number, Deadline deadline) throws IOException {
        for (byte[] p; (p = next(deadline)) != null; ) {
            if ((p[0] & 0xff) == number || (p[0] & 0xff) == DISCONNECT) {
                return p;
            }
        }
        return null;
    }

    private void skipIdentification() throws IOException {
        // RFC 4253 §4.2: lines before the one that starts with "SSH-" are allowed.
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException();
            }
            if (c == '\n') {
                if (line.toString().startsWith("SSH-")) {
                    identificationRead = true;
                    return;
                }
                line.setLength(0);
            } else if (line.length() < 255) {
                line.append((char) c);
            }
        }
    }

    /** The reason code of a DISCONNECT payload (RFC 4253 §11.1). */
    static int disconnectReason(byte[] payload) {
        return SshReader.uint32At(payload, 1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
