package dev.keyway.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyway.connection.ChannelRequest;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commands with a terminal, Keyway client to Keyway server on 127.0.0.1: the {@code pty-req}
 * (RFC 4254 §6.2) reaches the handler with its size and modes, {@code window-change} (§6.7)
 * reaches its listener, and {@link SystemShell} runs the shell on a real {@code /dev/pts}
 * device of the requested size through util-linux {@code script}.
 */
class TerminalSessionTest {
    private static final Duration LIMIT = SshSessionTest.LIMIT;
    private static final Pattern PTS = Pattern.compile("/dev/pts/\\d+");

    /** What the recording shell handler saw, one line per command. */
    private static final BlockingQueue<String> SEEN = new ArrayBlockingQueue<>(16);
    private static SshServer recording;
    private static SshServer system;
    private static SshServer withoutScript;
    private static int recordingPort;
    private static int systemPort;
    private static int withoutScriptPort;
    private static SshClient client;

    @BeforeAll
    static void start() throws IOException {
        recording = SshSessionTest.serverBuilder().shellHandler(TerminalSessionTest::describe).build();
        recordingPort = recording.start().getPort();
        system = SshSessionTest.serverBuilder().build();
        systemPort = system.start().getPort();
        SystemShell plain = new SystemShell("/bin/sh", Optional.empty());
        withoutScript = SshSessionTest.serverBuilder().shellHandler(plain).execHandler(plain).build();
        withoutScriptPort = withoutScript.start().getPort();
        client = SshSessionTest.newClient();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {client, recording, system, withoutScript}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // Closing the rest matters more.
            }
        }
    }

    /**
     * A shell handler that reports the terminal it was asked for, then each window change
     * until its stdin ends.
     */
    private static int describe(CommandContext context) throws Exception {
        Optional<ChannelRequest.PtyRequest> pty = context.pty();
        SEEN.add(pty.map(p -> p.term() + " " + p.columns() + "x" + p.rows() + " modes "
                + HexFormat.of().formatHex(p.modes())).orElse("no terminal"));
        PrintStream out = new PrintStream(context.stdout(), true, StandardCharsets.UTF_8);
        out.println("ready");
        Thread drain = new Thread(() -> {
            try {
                context.stdin().transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // The channel is over.
            }
        });
        drain.start();
        Thread sizes = new Thread(() -> {
            try {
                for (Optional<ChannelRequest.WindowChange> w; (w = context.awaitWindowChange()).isPresent(); ) {
                    out.println("resized " + w.get().columns() + "x" + w.get().rows());
                }
            } catch (InterruptedException ended) {
                // The handler returned.
            }
        });
        sizes.setDaemon(true);
        sizes.start();
        drain.join();
        sizes.interrupt();
        sizes.join();
        return 0;
    }

    private static ClientSession connect(int port) throws IOException {
        return client.connect("127.0.0.1", port, "alice", Credentials.password(SshSessionTest.PASSWORD));
    }

    @Test
    void modesAreEncodedAsRfc4254Section8Says() {
        assertArrayEquals(new byte[] {0}, Terminal.of("xterm", 80, 24).encodedModes());
        // ECHO (53) off, then TTY_OP_ISPEED (128) 38400: opcode byte, uint32, ..., TTY_OP_END.
        assertArrayEquals(new byte[] {53, 0, 0, 0, 0, (byte) 128, 0, 0, (byte) 0x96, 0, 0},
                Terminal.of("xterm", 80, 24).withMode(53, 0).withMode(128, 38400).encodedModes());
        assertThrows(IllegalArgumentException.class, () -> Terminal.of("xterm", 80, 24).withMode(160, 1));
        assertThrows(IllegalArgumentException.class, () -> Terminal.of("xterm", 80, 24).withMode(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Terminal.of("xterm", -1, 24));
    }

    @Test
    void theHandlerSeesTheTerminalAndEveryWindowChange() throws Exception {
        SEEN.clear();
        try (ClientSession s = connect(recordingPort)) {
            RemoteProcess p = s.shell(Terminal.of("xterm-256color", 132, 43).withMode(53, 0));
            assertTrue(p.hasTerminal());
            assertEquals("xterm-256color 132x43 modes 350000000000", SEEN.poll(LIMIT.toSeconds(), TimeUnit.SECONDS));
            Output out = new Output(p.getInputStream());
            out.await(o -> o.contains("ready\n"));
            p.resizeTerminal(100, 30);
            out.await(o -> o.contains("resized 100x30\n"));
            p.resizeTerminal(80, 24);
            out.await(o -> o.contains("resized 80x24\n"));
            p.getOutputStream().close();
            assertEquals(0, p.waitFor(LIMIT));
        }
    }

    @Test
    void withoutATerminalNoPtyIsRequestedAndResizingSendsNothing() throws Exception {
        SEEN.clear();
        try (ClientSession s = connect(recordingPort)) {
            RemoteProcess p = s.shell();
            assertFalse(p.hasTerminal());
            assertEquals("no terminal", SEEN.poll(LIMIT.toSeconds(), TimeUnit.SECONDS));
            p.resizeTerminal(100, 30);
            p.getOutputStream().close();
            assertEquals("ready\n", SshSessionTest.readAll(p.getInputStream()));
            assertEquals(0, p.waitFor(LIMIT));
        }
    }

    @Test
    void systemShellRunsTheShellOnAPseudoTerminalOfTheRequestedSize() throws Exception {
        assumeTrue(hasScript(), "util-linux script is not installed");
        try (ClientSession s = connect(systemPort)) {
            RemoteProcess p = s.shell(Terminal.of("xterm-256color", 100, 40));
            assertTrue(p.hasTerminal());
            p.getOutputStream().write("tty; stty size; echo \"term=$TERM\"; exit 3\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            String out = SshSessionTest.readAll(p.getInputStream());
            assertEquals(3, p.waitFor(LIMIT), out);
            assertTrue(PTS.matcher(out).find(), out);
            assertTrue(out.contains("40 100\r\n"), out); // the terminal turns \n into \r\n
            assertTrue(out.contains("term=xterm-256color\r\n"), out);
            assertEquals("", SshSessionTest.readAll(p.getErrorStream()), "a terminal has one output");
        }
    }

    @Test
    void aWindowChangeResizesTheSystemShellsTerminal() throws Exception {
        assumeTrue(hasScript(), "util-linux script is not installed");
        try (ClientSession s = connect(systemPort)) {
            RemoteProcess p = s.shell(Terminal.of("vt100", 80, 24));
            Output out = new Output(p.getInputStream());
            OutputStream in = p.getOutputStream();
            in.write("stty size\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            out.await(o -> o.contains("24 80\r\n"));
            p.resizeTerminal(120, 50);
            // The resize happens a moment later: ask until the shell sees it.
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!out.text().contains("50 120\r\n") && System.nanoTime() < deadline) {
                in.write("stty size\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
                Thread.sleep(100);
            }
            assertTrue(out.text().contains("50 120\r\n"), out.text());
            in.write("exit 0\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertEquals(0, p.waitFor(LIMIT), out.text());
        }
    }

    @Test
    void execWithATerminalRunsTheCommandOnOne() throws Exception {
        assumeTrue(hasScript(), "util-linux script is not installed");
        try (ClientSession s = connect(systemPort)) {
            RemoteProcess p = s.exec("tty; exit 5", Terminal.of("", 0, 0));
            assertTrue(p.hasTerminal());
            String out = SshSessionTest.readAll(p.getInputStream());
            assertEquals(5, p.waitFor(LIMIT), out);
            assertTrue(PTS.matcher(out).find(), out);
        }
    }

    @Test
    void withoutScriptAShellWithATerminalIsAnInteractiveShellOnPipes() throws Exception {
        try (ClientSession s = connect(withoutScriptPort)) {
            RemoteProcess p = s.shell(Terminal.of("xterm", 80, 24));
            try (OutputStream in = p.getOutputStream()) {
                in.write("tty >/dev/null || echo \"not a tty, TERM=$TERM\"; exit 4\n".getBytes(StandardCharsets.UTF_8));
            }
            String out = SshSessionTest.readAll(p.getInputStream());
            assertEquals(4, p.waitFor(LIMIT), out);
            assertEquals("not a tty, TERM=xterm\n", out);
        }
    }

    @Test
    void quotingForTheShellKeepsAnyCommandOneWord() {
        assertEquals("'it'\\''s'", SystemShell.quoted("it's"));
    }

    private static boolean hasScript() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "script")));
    }

    /** Collects a stream's text on a thread of its own, for tests that react to what came so far. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Output(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        synchronized (bytes) {
                            bytes.write(buf, 0, n);
                        }
                    }
                } catch (IOException ended) {
                    // The channel is over.
                }
            }, "test-output");
            t.setDaemon(true);
            t.start();
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        void await(Predicate<String> done) throws InterruptedException {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!done.test(text()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(done.test(text()), text());
        }
    }
}
