package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractiveRound;
import dev.keyway.api.auth.KeyboardInteractiveDialogue;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyway ssh}, run as a program, against servers whose text tries to drive the user's
 * terminal (RFC 4251 §9.2): ESC sequences that retitle the window or clear the screen, BEL, the
 * C1 control CSI, bidi overrides. Whatever the server says reaches stdout, stderr, the {@code -v}
 * trace and the {@code --diagram} drawing escaped as OpenSSH escapes it ({@code \033}), never raw.
 */
class KeywaySshHostileServerTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "correct horse";
    private static final String CODE = "424242";

    @TempDir
    Path dir;

    /**
     * A Keyway server whose banner and keyboard-interactive round (name, instruction, an echoed
     * and a hidden prompt) carry escapes, against {@code keyway ssh -v} on a terminal of its own
     * (util-linux {@code script}), where the prompts are asked and answered.
     */
    @Test
    void bannerAndKeyboardInteractiveRoundReachTheTerminalEscaped() throws Exception {
        InteractiveRound round = new InteractiveRound("\u001b[31mBank\u001b[0m", "Type the code\u009b2J",
                List.of(new InteractivePrompt("\u001b[1mOne-time code: ", true),
                        new InteractivePrompt("Password\u001b[8m: ", false)));
        try (SshServer server = SshServer.builder().hostKeys(List.of(hostKey()))
                .banner("\u001b]0;owned\u0007Welcome\u001b[2J\nto the \u202eevil\u202c host\n")
                .keyboardInteractiveAuthenticator((user, submethods) -> new KeyboardInteractiveDialogue() {
                    @Override
                    public Step begin() {
                        return new Step.Ask(round);
                    }

                    @Override
                    public Step respond(List<char[]> answers) {
                        boolean right = Arrays.equals(answers.get(0), CODE.toCharArray())
                                && Arrays.equals(answers.get(1), PASSWORD.toCharArray());
                        return right ? new Step.Accept() : new Step.Reject();
                    }
                })
                .execHandler(new SystemShell()).build()) {
            int port = server.start().getPort();
            Path svg = dir.resolve("session.svg");
            Process p = KeywayCommand.startOnTerminal(Map.of(), "ssh", "-v", "--diagram", svg.toString(),
                    "-p", Integer.toString(port), "-o", "StrictHostKeyChecking=accept-new",
                    "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"), "alice@127.0.0.1", "echo logged in");
            try {
                ProcessTranscript shown = ProcessTranscript.of(p);
                shown.await("\\033[1mOne-time code: ", LIMIT);
                type(p, CODE + "\n");
                shown.await("Password\\033[8m: ", LIMIT);
                type(p, PASSWORD + "\n");
                assertTrue(shown.awaitEnd(LIMIT) && p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS), shown.text());
                String out = shown.text();
                assertEquals(0, p.exitValue(), out);
                assertTrue(out.contains("logged in"), out);
                for (String escaped : List.of("\\033]0;owned\\007Welcome\\033[2J", "to the \\342\\200\\256evil\\342\\200\\254 host",
                        "\\033[31mBank\\033[0m", "Type the code\\302\\2332J")) {
                    assertTrue(out.contains(escaped), escaped + " in:\n" + out);
                }
                assertTrue(out.contains("SSH_MSG_USERAUTH_BANNER"), "the -v trace shows the banner too:\n" + out);
                assertNothingForTheTerminal(out);
                assertNothingForTheTerminal(Files.readString(svg, StandardCharsets.UTF_8));
            } finally {
                p.destroyForcibly().waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A server that sends lines before its identification and then SSH_MSG_DISCONNECT before any
     * key exchange, so before its host key could be checked: the lines and the description show
     * escaped in the error, the trace and the drawing.
     */
    @Test
    void aDisconnectBeforeTheKeyExchangeIsShownEscaped() throws Exception {
        String description = "\u001b]0;owned\u0007\u001b[2Jgone\u009b\u202e";
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout((int) LIMIT.toMillis());
            Thread server = new Thread(() -> disconnectAtOnce(listener, description), "hostile-server");
            server.setDaemon(true);
            server.start();
            Path svg = dir.resolve("refused.svg");
            Process p = KeywayCommand.start(Map.of(), "ssh", "-v", "--diagram", svg.toString(),
                    "-p", Integer.toString(listener.getLocalPort()), "-o", "StrictHostKeyChecking=no",
                    "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"), "alice@127.0.0.1", "true");
            try {
                p.getOutputStream().close();
                assertTrue(p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS), "keyway ssh finished");
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(255, p.exitValue(), out);
                String escaped = "\\033]0;owned\\007\\033[2Jgone\\302\\233\\342\\200\\256";
                assertTrue(out.contains("keyway: cannot connect to 127.0.0.1 port " + listener.getLocalPort()
                        + ": the session ended: BY_APPLICATION from the peer: " + escaped), out);
                assertTrue(out.contains("SSH_MSG_DISCONNECT BY_APPLICATION \"" + escaped + "\""), "traced:\n" + out);
                assertTrue(out.contains("(before its identification) \\033]0;pre\\007 \\302\\233 hello"), out);
                assertNothingForTheTerminal(out);
                String drawn = Files.readString(svg, StandardCharsets.UTF_8);
                assertTrue(drawn.contains(escaped), drawn);
                assertNothingForTheTerminal(drawn);
            } finally {
                p.destroyForcibly().waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
                server.join(LIMIT.toMillis());
            }
        }
    }

    /**
     * Accepts one connection and answers it with a line that is not its identification (ESC,
     * BEL and a raw 8-bit CSI byte in it), its identification, and a clear-text DISCONNECT
     * (RFC 4253 §6 framing, §11.1 message); then reads what the client sends until it hangs up,
     * so that closing sends no reset that could overtake the DISCONNECT.
     */
    private static void disconnectAtOnce(ServerSocket listener, String description) {
        try (Socket s = listener.accept()) {
            s.setSoTimeout((int) LIMIT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write("\u001b]0;pre\u0007 \u009b hello\r\nSSH-2.0-Hostile_1.0\r\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] payload = new SshWriter().writeByte(1).writeUint32(11).writeUtf8(description).writeUtf8("")
                    .toByteArray();
            out.write(clearTextPacket(payload));
            out.flush();
            InputStream in = s.getInputStream();
            while (in.read(new byte[4096]) >= 0) {
                // Until the client closes.
            }
        } catch (IOException e) {
            // The test fails on what the client printed; nothing to add here.
        }
    }

    /** packet_length, padding_length, payload, padding: a multiple of 8 bytes, at least 4 of padding. */
    private static byte[] clearTextPacket(byte[] payload) {
        int padding = 8 - (5 + payload.length) % 8;
        if (padding < 4) {
            padding += 8;
        }
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        byte[] header = new SshWriter().writeUint32(1 + payload.length + padding).writeByte(padding).toByteArray();
        packet.writeBytes(header);
        packet.writeBytes(payload);
        packet.writeBytes(new byte[padding]);
        return packet.toByteArray();
    }

    /**
     * No character a terminal acts on: C0 controls other than the CR LF a terminal's line
     * discipline writes, DEL, C1 controls, bidi controls, and no lone byte that was not UTF-8
     * (which a terminal in an 8-bit mode could read as C1).
     */
    static void assertNothingForTheTerminal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\r' && c != '\n' || c >= 0x7f && c <= 0x9f;
            boolean bidi = c == 0x061c || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e
                    || c >= 0x2066 && c <= 0x2069;
            int at = i;
            assertTrue(!control && !bidi && c != '\ufffd', () -> String.format("U+%04X at %d in:%n%s", (int) c, at,
                    text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 200))));
        }
    }

    private static void type(Process p, String text) throws IOException {
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
    }

    private static java.security.KeyPair hostKey() {
        return AlgorithmRegistry.loadDefault().signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
    }
}
