package dev.keyway.ssh;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The terminal a client asks the server to give a command (RFC 4254 §6.2, {@code pty-req}):
 * its type, the {@code TERM} value such as "xterm-256color", its size in characters, and
 * terminal modes to set on it (RFC 4254 §8). The server emulates nothing: its pseudo-terminal
 * interprets what the local terminal sends, so the local one is best put in raw mode.
 *
 * @param type the terminal type ({@code TERM}); empty when unknown, as OpenSSH sends it then
 * @param columns width in characters, 0 when unknown
 * @param rows height in characters, 0 when unknown
 * @param modes terminal modes in the order they are sent: opcode (1 to 159, RFC 4254 §8, e.g.
 *     53 for {@code ECHO}) to its uint32 argument; usually empty, leaving the server's defaults
 */
public record Terminal(String type, int columns, int rows, Map<Integer, Integer> modes) {
    /** RFC 4254 §8: the opcode that ends the encoded modes. */
    private static final byte TTY_OP_END = 0;
    /** RFC 4254 §8: opcodes from 160 on are undefined and stop the peer's parsing. */
    private static final int LAST_OPCODE = 159;

    public Terminal {
        Objects.requireNonNull(type, "type");
        if (columns < 0 || rows < 0) {
            throw new IllegalArgumentException("a terminal size is not negative: " + columns + "x" + rows);
        }
        for (Map.Entry<Integer, Integer> mode : modes.entrySet()) {
            int opcode = mode.getKey();
            if (opcode < 1 || opcode > LAST_OPCODE) {
                throw new IllegalArgumentException("not a terminal mode opcode (1 to 159): " + opcode);
            }
            Objects.requireNonNull(mode.getValue(), "the value of terminal mode " + opcode);
        }
        modes = Collections.unmodifiableMap(new LinkedHashMap<>(modes));
    }

    /** A terminal of this type and size with the server's default modes. */
    public static Terminal of(String type, int columns, int rows) {
        return new Terminal(type, columns, rows, Map.of());
    }

    /** This terminal with one more mode (RFC 4254 §8), or with a new value for it. */
    public Terminal withMode(int opcode, int value) {
        Map<Integer, Integer> more = new LinkedHashMap<>(modes);
        more.put(opcode, value);
        return new Terminal(type, columns, rows, more);
    }

    /**
     * The encoded terminal modes of RFC 4254 §8, the last field of {@code pty-req}: each mode
     * as its opcode byte and a uint32, then {@code TTY_OP_END} (0).
     */
    public byte[] encodedModes() {
        ByteBuffer b = ByteBuffer.allocate(modes.size() * 5 + 1); // big-endian, as SSH wants
        modes.forEach((opcode, value) -> b.put(opcode.byteValue()).putInt(value));
        return b.put(TTY_OP_END).array();
    }
}
