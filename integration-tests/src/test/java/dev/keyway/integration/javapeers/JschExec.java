package dev.keyway.integration.javapeers;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one command over a JSch {@code exec} channel, feeding stdin, with a bound on every wait. */
final class JschExec {
    static final Duration LIMIT = Duration.ofSeconds(20);

    private JschExec() {
    }

    /** A JSch session to 127.0.0.1:port that checks the host key against {@code knownHosts}. */
    static Session session(JSch jsch, int port, String knownHosts) throws Exception {
        jsch.setKnownHosts(new ByteArrayInputStream(knownHosts.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        Session session = jsch.getSession(KeywayServerForPeers.USER, "127.0.0.1", port);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "publickey,password");
        session.setTimeout((int) LIMIT.toMillis());
        return session;
    }

    static CommandResult run(Session session, String command, byte[] stdin) throws Exception {
        ChannelExec channel = (ChannelExec) session.openChannel("exec");
        ExecutorService io = Executors.newFixedThreadPool(2);
        try {
            channel.setCommand(command);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setErrStream(err, true);
            InputStream out = channel.getInputStream();
            OutputStream in = channel.getOutputStream();
            channel.connect((int) LIMIT.toMillis());
            Future<Void> writer = io.submit(() -> {
                try (in) {
                    in.write(stdin);
                }
                return null;
            });
            Future<byte[]> reader = io.submit(out::readAllBytes);
            byte[] stdout = reader.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            writer.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!channel.isClosed()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("JSch channel not closed after " + LIMIT + ": " + command);
                }
                Thread.sleep(10);
            }
            return new CommandResult(stdout, err.toString(java.nio.charset.StandardCharsets.UTF_8), channel.getExitStatus());
        } finally {
            channel.disconnect();
            io.shutdownNow();
            io.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    static CommandResult run(Session session, String command) throws Exception {
        return run(session, command, new byte[0]);
    }
}
