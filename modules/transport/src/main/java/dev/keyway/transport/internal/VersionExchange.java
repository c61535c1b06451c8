package dev.keyway.transport.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The protocol version exchange of RFC 4253 §4.2. Reads the peer's identification string
 * from the input, accepting a server's other lines before it, and checks its limits.
 */
public final class VersionExchange {
    /** RFC 4253 §4.2: the identification string, CR LF included, is at most 255 bytes. */
    static final int MAX_IDENTIFICATION = 255;
    /** Lines a server may send before its identification; OpenSSH uses the same bound. */
    static final int MAX_PREAMBLE_LINES = 1024;
    static final int MAX_PREAMBLE_LINE = 8192;

    private final boolean peerIsServer;
    private final List<String> preamble = new ArrayList<>();

    /** @param peerIsServer whether the peer may send other lines first (only a server may) */
    public VersionExchange(boolean peerIsServer) {
        this.peerIsServer = peerIsServer;
    }

    /** Our identification line, e.g. {@code SSH-2.0-Keyway_0.1} followed by CR LF. */
    public static byte[] identificationLine(String identification) {
        return (identification + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Lines the server sent before its identification, for the trace. */
    public List<String> preamble() {
        return List.copyOf(preamble);
    }

    /**
     * Consumes complete lines from {@code in} until the identification string is found.
     *
     * @return the peer's identification without CR LF, or empty if more input is needed
     */
    public Optional<String> read(ByteQueue in) throws SshProtocolException {
        while (true) {
            byte[] b = in.array();
            int start = in.head();
            int end = start + in.size();
            int lf = -1;
            boolean isIdentification = in.size() >= 4 && startsWithSsh(b, start);
            int limit = isIdentification || !peerIsServer ? MAX_IDENTIFICATION : MAX_PREAMBLE_LINE;
            for (int i = start; i < end && i - start < limit; i++) {
                if (b[i] == '\n') {
                    lf = i;
                    break;
                }
            }
            if (lf < 0) {
                if (in.size() >= limit) {
                    throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                            "identification line longer than " + limit + " bytes");
                }
                return Optional.empty();
            }
            int lineEnd = lf > start && b[lf - 1] == '\r' ? lf - 1 : lf;
            String line = new String(b, start, lineEnd - start, StandardCharsets.ISO_8859_1);
            in.skip(lf + 1 - start);
            if (line.startsWith("SSH-")) {
                return Optional.of(check(line));
            }
            if (!peerIsServer) {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                        "client sent a line that is not an SSH identification string");
            }
            if (preamble.size() >= MAX_PREAMBLE_LINES) {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                        "more than " + MAX_PREAMBLE_LINES + " lines before the identification string");
            }
            preamble.add(line);
        }
    }

    private static boolean startsWithSsh(byte[] b, int off) {
        return b[off] == 'S' && b[off + 1] == 'S' && b[off + 2] == 'H' && b[off + 3] == '-';
    }

    private static String check(String line) throws SshProtocolException {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < ' ' || c > '~') {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                        "identification string holds a control or non-ASCII character");
            }
        }
        // RFC 4253 §5.1: "1.99" announces a server that also speaks 2.0.
        if (!line.startsWith("SSH-2.0-") && !line.startsWith("SSH-1.99-")) {
            throw new SshProtocolException(DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED,
                    "unsupported protocol version: " + line);
        }
        return line;
    }
}
