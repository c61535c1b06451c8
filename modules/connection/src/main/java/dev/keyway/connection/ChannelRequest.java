package dev.keyway.connection;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The channel requests of a session (RFC 4254 §6), each with its type-specific data; the
 * records are both what the owner sends and what it is told. The engine encodes and parses
 * them; it never acts on one (no terminal emulation, no process).
 */
public sealed interface ChannelRequest {

    /** The request type string of SSH_MSG_CHANNEL_REQUEST (RFC 4254 §5.4). */
    String type();

    /**
     * RFC 4254 §6.2: a pseudo-terminal. {@code modes} is the encoded terminal modes blob of
     * §8, kept as it came.
     */
    record PtyRequest(String term, int columns, int rows, int widthPixels, int heightPixels, byte[] modes)
            implements ChannelRequest {
        public PtyRequest {
            Objects.requireNonNull(term, "term");
            modes = modes.clone();
        }

        @Override
        public byte[] modes() {
            return modes.clone();
        }

        @Override
        public String type() {
            return "pty-req";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PtyRequest p && term.equals(p.term) && columns == p.columns && rows == p.rows
                    && widthPixels == p.widthPixels && heightPixels == p.heightPixels
                    && Arrays.equals(modes, p.modes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(term, columns, rows, widthPixels, heightPixels) * 31 + Arrays.hashCode(modes);
        }
    }

    /** RFC 4254 §6.4: one environment variable. */
    record EnvRequest(String name, String value) implements ChannelRequest {
        public EnvRequest {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String type() {
            return "env";
        }
    }

    /** RFC 4254 §6.5: the user's default shell. */
    record ShellRequest() implements ChannelRequest {
        @Override
        public String type() {
            return "shell";
        }
    }

    /**
     * RFC 4254 §6.5: run a command. The command is a string of bytes: the RFC names no
     * encoding, so it is kept as sent rather than refused when it is not UTF-8.
     */
    record ExecRequest(byte[] command) implements ChannelRequest {
        public ExecRequest {
            command = command.clone();
        }

        /** A command given as text, sent as UTF-8. */
        public static ExecRequest of(String command) {
            return new ExecRequest(command.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] command() {
            return command.clone();
        }

        @Override
        public String type() {
            return "exec";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ExecRequest e && Arrays.equals(command, e.command);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(command);
        }

        @Override
        public String toString() {
            return "ExecRequest[" + new String(command, StandardCharsets.UTF_8) + "]";
        }
    }

    /** RFC 4254 §6.5: a subsystem such as "sftp". */
    record SubsystemRequest(String name) implements ChannelRequest {
        public SubsystemRequest {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String type() {
            return "subsystem";
        }
    }

    /** RFC 4254 §6.7: the terminal's new size; never wants a reply. */
    record WindowChange(int columns, int rows, int widthPixels, int heightPixels) implements ChannelRequest {
        @Override
        public String type() {
            return "window-change";
        }
    }

    /** RFC 4254 §6.9: deliver a signal, named without the "SIG" prefix (§6.10). */
    record Signal(String name) implements ChannelRequest {
        public Signal {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String type() {
            return "signal";
        }
    }

    /** RFC 4254 §6.10: the command's exit status, a uint32. */
    record ExitStatus(int status) implements ChannelRequest {
        @Override
        public String type() {
            return "exit-status";
        }
    }

    /** RFC 4254 §6.10: the command was killed by a signal. */
    record ExitSignal(String signal, boolean coreDumped, String message, String languageTag)
            implements ChannelRequest {
        public ExitSignal {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(languageTag, "languageTag");
        }

        @Override
        public String type() {
            return "exit-signal";
        }
    }

    /**
     * Any other type, with its type-specific data unparsed. Received ones are refused by the
     * engine (RFC 4254 §5.4: a request that is not recognized gets a failure reply); the owner
     * may send one, e.g. an extension its peer is known to support.
     */
    record OtherRequest(String type, byte[] data) implements ChannelRequest {
        public OtherRequest {
            Objects.requireNonNull(type, "type");
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OtherRequest r && type.equals(r.type) && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Arrays.hashCode(data);
        }
    }
}
