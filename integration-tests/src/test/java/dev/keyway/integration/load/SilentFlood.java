package dev.keyway.integration.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Connections to 127.0.0.1 that connect and never say a word, as a MaxStartups attacker opens
 * them; each reads what the server sends, so that when the server ends it, the way it ended
 * can be told ({@link Fate}). Their own ends of connections the server closed are closed too,
 * so that the flood needs descriptors only for those the server still holds.
 */
final class SilentFlood implements AutoCloseable {
    /** SSH_MSG_DISCONNECT and its reason TOO_MANY_CONNECTIONS (RFC 4253 §11.1, §12; RFC 4250 §4.2.2). */
    private static final int DISCONNECT = 1;
    private static final int TOO_MANY_CONNECTIONS = 12;
    /** Enough for the version line, a KEXINIT and a DISCONNECT: all a silent connection can get. */
    private static final int MOST_KEPT = 16 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    /** How a silent connection ended, seen from its side. */
    enum Fate {
        /** Still open: the server holds it among those that have not logged in. */
        HELD,
        /** Closed after SSH_MSG_DISCONNECT TOO_MANY_CONNECTIONS: shed for a newcomer. */
        SHED,
        /** Closed before the server said anything: refused at the door. */
        REFUSED,
        /** Closed in any other way, which MaxStartups never does. */
        OTHER
    }

    private final Selector selector = Selector.open();
    private final Map<Fate, Integer> ended = new EnumMap<>(Fate.class);
    private int open;

    SilentFlood() throws IOException {
    }

    /**
     * Opens {@code count} silent connections to 127.0.0.1:{@code port} one after the other,
     * never holding more than {@code mostOpen} at once: past that it waits for the server to
     * end some.
     */
    void open(int port, int count, int mostOpen, long deadlineNanos) throws IOException {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        for (int i = 0; i < count; i++) {
            while (open >= mostOpen) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    throw new AssertionError("the server held " + open + " silent connections and ended none");
                }
                collect(100);
            }
            SocketChannel ch = SocketChannel.open();
            try {
                ch.socket().connect(server, CONNECT_TIMEOUT_MILLIS);
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ, new ByteArrayOutputStream());
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            open++;
            collect(-1);
        }
    }

    /** Reads what the server sent and records the connections it ended; {@code waitMillis} -1: no wait. */
    private void collect(long waitMillis) throws IOException {
        int ready = waitMillis < 0 ? selector.selectNow() : selector.select(Math.max(1, waitMillis));
        if (ready == 0) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(MOST_KEPT);
        for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
            SelectionKey key = it.next();
            it.remove();
            SocketChannel ch = (SocketChannel) key.channel();
            ByteArrayOutputStream got = (ByteArrayOutputStream) key.attachment();
            int n;
            do {
                try {
                    n = ch.read(buffer.clear());
                } catch (IOException reset) {
                    n = -1;
                }
                got.write(buffer.array(), 0, Math.max(0, Math.min(n, MOST_KEPT - got.size())));
            } while (n > 0);
            if (n < 0) {
                ch.close();
                open--;
                ended.merge(fate(got.toByteArray()), 1, Integer::sum);
            }
        }
    }

    /** The connections in each state now, after reading what the server sent since. */
    Map<Fate, Integer> fates() throws IOException {
        collect(-1);
        Map<Fate, Integer> now = new EnumMap<>(Fate.class);
        for (Fate f : Fate.values()) {
            now.put(f, ended.getOrDefault(f, 0));
        }
        now.put(Fate.HELD, open);
        return now;
    }

    /** What a closed connection had received: nothing, or a version line and clear packets ending in DISCONNECT. */
    private static Fate fate(byte[] received) {
        if (received.length == 0) {
            return Fate.REFUSED;
        }
        String text = new String(received, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf('\n');
        if (!text.startsWith("SSH-") || lineEnd < 0) {
            return Fate.OTHER;
        }
        // Before NEWKEYS: uint32 packet_length, byte padding_length, payload, padding; no MAC (RFC 4253 §6).
        ByteBuffer packets = ByteBuffer.wrap(received, lineEnd + 1, received.length - lineEnd - 1);
        while (packets.remaining() >= 6) {
            int length = packets.getInt();
            if (length < 2 || length > packets.remaining()) {
                return Fate.OTHER;
            }
            int start = packets.position();
            int padding = packets.get() & 0xff;
            int message = packets.get() & 0xff;
            if (message == DISCONNECT && length - padding - 1 >= 5) {
                return packets.getInt() == TOO_MANY_CONNECTIONS ? Fate.SHED : Fate.OTHER;
            }
            packets.position(start + length);
        }
        return Fate.OTHER;
    }

    /**
     * How many descriptors this process may open, by its soft limit ({@code ulimit -n} as the
     * JVM left it: on Linux it raises the soft limit to the hard one at start), or -1 if
     * {@code /proc/self/limits} cannot say.
     */
    static long descriptorLimit() throws IOException {
        Path limits = Path.of("/proc/self/limits");
        if (!Files.isReadable(limits)) {
            return -1;
        }
        for (String line : Files.readAllLines(limits)) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
