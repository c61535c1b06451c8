package dev.keyway.integration.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.integration.openssh.BoundedProcess;
import dev.keyway.integration.openssh.OpenSshInstallation;
import dev.keyway.net.StartupLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 connections that connect and say nothing, held open, and then OpenSSH's {@code ssh}
 * logging in (publickey) to run {@code true}: it must get in, and the server must have shed
 * the silent ones (SSH_MSG_DISCONNECT TOO_MANY_CONNECTIONS) or refused them at the door, so
 * that it never held more than MaxStartups' {@code full} (sshd's default 10:30:100, which the
 * server keeps). How long the login took, with and without the flood, is printed, never
 * asserted.
 *
 * <p>The server sheds only a connection that has been silent for a moment (a quarter of a
 * second), so that a client in the middle of its handshake is never taken for a silent one;
 * the flood is therefore held a second before ssh comes, as an attacker's would be held for
 * minutes.
 *
 * <p>Descriptors: nothing is raised. The flood closes its end of each connection the server
 * ended and keeps at most what the soft limit ({@code /proc/self/limits}) leaves after the
 * descriptors already open, the server's {@code full} and a margin; at 1,024, the usual
 * default, 1,000 connections still fit, since the server holds at most 100 of them.
 */
class SilentFloodLoadTest {
    private static final int SILENT = 1_000;
    private static final int FULL = StartupLimits.defaults().full();
    /** Descriptors left free beside the flood and the server's side of it: the JVM's own, ssh's pipes. */
    private static final long MARGIN = 64;
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final Duration HOLD = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void sshLogsInWhileSilentConnectionsAreShed() throws Exception {
        OpenSshInstallation openSsh = OpenSshInstallation.require();
        long limit = SilentFlood.descriptorLimit();
        long room = (limit < 0 ? 1024 : limit) - Footprint.openDescriptors() - FULL - MARGIN;
        assertTrue(room > FULL, "descriptor limit " + limit + " leaves room for no flood beyond MaxStartups");
        int mostOpen = (int) Math.min(SILENT, room);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try (QuietServerLog quiet = new QuietServerLog(); EchoServer server = EchoServer.start(b -> b)) {
            long quietLogin = login(server, openSsh, "ssh-alone.log");
            try (SilentFlood flood = new SilentFlood()) {
                long floodStart = System.nanoTime();
                flood.open(server.port(), SILENT, mostOpen, deadline);
                long floodMillis = (System.nanoTime() - floodStart) / 1_000_000;
                Thread.sleep(HOLD.toMillis());
                Map<SilentFlood.Fate, Integer> beforeLogin = flood.fates();
                long floodedLogin = login(server, openSsh, "ssh-flooded.log");
                Map<SilentFlood.Fate, Integer> after = flood.fates();
                System.out.printf("ssh login and exec true: %d ms alone, %d ms beside %d silent connections"
                        + " (opened in %d ms; descriptor limit %d, at most %d open at once)%n"
                        + "  silent connections before the login: %s%n  after: %s%n",
                        quietLogin, floodedLogin, SILENT, floodMillis, limit, mostOpen, beforeLogin, after);
                assertEquals(SILENT, after.values().stream().mapToInt(Integer::intValue).sum());
                assertEquals(0, after.get(SilentFlood.Fate.OTHER), "ended otherwise than by MaxStartups: " + after);
                assertTrue(after.get(SilentFlood.Fate.HELD) <= FULL, "held more than MaxStartups allows: " + after);
                assertTrue(after.get(SilentFlood.Fate.SHED) > beforeLogin.get(SilentFlood.Fate.SHED),
                        "ssh got in without shedding a silent connection: " + beforeLogin + " then " + after);
            }
        }
    }

    /** Runs {@code ssh ... true}; asserts that it logged in with its key and returns how long it took, in ms. */
    private long login(EchoServer server, OpenSshInstallation openSsh, String logName) throws Exception {
        Path log = dir.resolve(logName);
        ProcessBuilder ssh = new ProcessBuilder(server.sshCommand(openSsh.ssh(), dir, "true"))
                .redirectInput(BoundedProcess.nullDevice()).redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        int exit = BoundedProcess.run(ssh, LIMIT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        String said = Files.readString(log);
        assertEquals(0, exit, said);
        assertTrue(said.contains("Authenticated to 127.0.0.1 ([127.0.0.1]:" + server.port() + ") using \"publickey\""),
                said);
        return millis;
    }
}
