package dev.keyway.ssh.internal;

/**
 * Text from a peer (a user name, a DISCONNECT description, a version string) as it may go
 * into a log line: control characters, including line breaks that could forge a log entry,
 * become visible escapes, and an overlong value is cut.
 */
final class LogText {
    private static final int MAX = 256;

    private LogText() {
    }

    static String of(String peerText) {
        StringBuilder out = new StringBuilder(Math.min(peerText.length(), MAX) + 8);
        for (int i = 0; i < peerText.length() && out.length() < MAX; i++) {
            char c = peerText.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX) {
            out.append("...");
        }
        return out.toString();
    }
}
