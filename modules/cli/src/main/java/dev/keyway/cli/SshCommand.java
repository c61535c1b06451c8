package dev.keyway.cli;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.keys.HostAddress;
import dev.keyway.keys.KnownHostsFile;
import dev.keyway.ssh.AuthenticationException;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.Terminal;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keyway ssh}: runs a command (or a shell) on a server, with stdin, stdout and stderr
 * streamed, and exits with its exit status; 255 when the connection or the login fails, as
 * ssh(1) does.
 *
 * <p>Terminals follow ssh(1): with no command and a terminal as stdin, it asks for a remote
 * terminal (RFC 4254 §6.2) of the local {@code TERM} and size, puts the local terminal in raw
 * mode, sends its size again on every SIGWINCH (§6.7), and restores the mode at the end. With
 * stdin not a terminal no pty is asked for, as with {@code ssh -T}. {@code -t} asks for one
 * also for a command; {@code -tt} even when stdin is not a terminal; {@code -T} never. A
 * refused pty is not fatal: the shell runs without one. No escape sequences ({@code ~.}).
 */
@Command(name = "ssh", mixinStandardHelpOptions = true, description = "Runs a command on an SSH server.")
final class SshCommand implements Callable<Integer> {
    private static final int FAILURE = 255;

    @Option(names = "-p", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}).")
    private int port = 22;

    @Option(names = "-i", paramLabel = "IDENTITY", description = "A private key file (OpenSSH format); repeatable.")
    private List<Path> identities = new ArrayList<>();

    @Option(names = "-c", paramLabel = "CIPHERS", description = "Ciphers, as -o Ciphers=.")
    private String ciphers;

    @Option(names = "-m", paramLabel = "MACS", description = "MACs, as -o MACs=.")
    private String macs;

    @Option(names = "-C", description = "Ask for compression (zlib@openssh.com), as -o Compression=yes.")
    private boolean compression;

    @Option(names = "-o", paramLabel = "Option=value", description = "KexAlgorithms=, HostKeyAlgorithms=, Ciphers=,"
            + " MACs=, Compression=yes|no, StrictHostKeyChecking=yes|no|accept-new, UserKnownHostsFile=FILE,"
            + " ServerAliveInterval=SECONDS, ServerAliveCountMax=N,"
            + " 'SetEnv=NAME=value ...'.")
    private List<String> options = new ArrayList<>();

    @Option(names = "-t", description = "Ask for a terminal, also for a command; twice (-tt): even when stdin is"
            + " not a terminal.")
    private boolean[] forceTerminal = new boolean[0];

    @Option(names = "-T", description = "Ask for no terminal.")
    private boolean noTerminal;

    @Option(names = "-s", description = "Ask for the subsystem the command names (e.g. sftp) instead of running it.")
    private boolean subsystem;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of"
            + " FILE, which only its owner may read and write (chmod 600).")
    private Path passwordFile;

    @Option(names = "-v", description = "Print the session's sequence as it happens (on stderr), like keyway demo.")
    private boolean verbose;

    @Option(names = "--diagram", paramLabel = "FILE.svg", description = "Draw the session as a sequence diagram.")
    private Path diagramFile;

    @Parameters(index = "0", paramLabel = "[user@]host")
    private String destination;

    @Parameters(index = "1..*", paramLabel = "command", arity = "0..*")
    private List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (subsystem && command.isEmpty()) {
            System.err.println("keyway ssh: -s needs the subsystem's name after the host");
            return FAILURE;
        }
        int at = destination.lastIndexOf('@');
        String user = at > 0 ? destination.substring(0, at) : System.getProperty("user.name");
        String host = at > 0 ? destination.substring(at + 1) : destination;
        List<String> all = new ArrayList<>(options);
        if (ciphers != null) {
            all.add("Ciphers=" + ciphers);
        }
        if (macs != null) {
            all.add("MACs=" + macs);
        }
        if (compression) {
            all.add("Compression=yes");
        }
        HostAddress address = new HostAddress(host, port);
        KnownHostsFile knownHosts = OpenSshOptions.value(all, "UserKnownHostsFile")
                .map(p -> new KnownHostsFile(Path.of(p))).orElse(KnownHostsFile.ofUser());
        HostKeyCheck hostKeys = HostKeyCheck.of(OpenSshOptions.value(all, "StrictHostKeyChecking").orElse("yes"),
                knownHosts, address, System.err);
        LoginCredentials login;
        try {
            login = LoginCredentials.read(identities, passwordFile);
        } catch (IOException e) {
            System.err.println("keyway ssh: " + e.getMessage());
            return FAILURE;
        }
        SequenceDiagram diagram = new SequenceDiagram();
        SessionTrace trace = new SessionTrace(verbose ? System.err : new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                diagram, true);
        SshClient.Builder builder = SshClient.builder().registry(AlgorithmRegistry.loadDefault())
                .policy(OpenSshOptions.policy(all)).hostKeyVerifier(hostKeys).timeout(Duration.ofSeconds(30))
                .bannerHandler(text -> System.err.print(TerminalText.lines(text)))
                .serverAlive(OpenSshOptions.value(all, "ServerAliveInterval").map(LoginOptions::duration)
                        .orElse(Duration.ZERO),
                        OpenSshOptions.value(all, "ServerAliveCountMax").map(Integer::parseInt).orElse(3));
        if (verbose || diagramFile != null) {
            // Watching every message costs a copy and a description of each; only when asked.
            builder.transportObserver(e -> trace.event(true, e))
                    .messageObserver((sent, payload) -> trace.message(true, sent, payload));
        }
        // ssh_config: "SetEnv NAME=value NAME2=value2", the last -o for a name winning here.
        for (String list : OpenSshOptions.values(all, "SetEnv")) {
            for (String assignment : list.split("\\s+")) {
                int eq = assignment.indexOf('=');
                if (eq > 0) {
                    builder.environment(assignment.substring(0, eq), assignment.substring(eq + 1));
                }
            }
        }
        try (SshClient client = builder.build()) {
            Optional<ClientSession> connected = connect(client, user, host, port, hostKeys, login);
            if (connected.isEmpty()) {
                return FAILURE;
            }
            if (verbose) {
                System.err.println("keyway: authenticated to " + host + " as " + user);
            }
            try (ClientSession session = connected.get()) {
                if (subsystem) {
                    return stream(session.subsystem(String.join(" ", command)));
                }
                if (!wantsTerminal()) {
                    RemoteProcess process = command.isEmpty() ? session.shell()
                            : session.exec(String.join(" ", command));
                    return stream(process);
                }
                Terminal terminal = LocalTerminal.request();
                RemoteProcess process = command.isEmpty() ? session.shell(terminal)
                        : session.exec(String.join(" ", command), terminal);
                return onTerminal(process, host);
            } catch (IOException e) {
                // A refused request or a session lost while running; ssh exits 255 for both.
                System.err.println("keyway: " + TerminalText.line(e.getMessage()));
                return FAILURE;
            }
        } finally {
            // Also a session that failed: the diagram shows how far it went.
            if (diagramFile != null) {
                try (OutputStream svg = Files.newOutputStream(diagramFile)) {
                    diagram.writeSvg(svg);
                }
            }
        }
    }

    /**
     * Connects and logs in; on failure says why, as ssh does, and returns empty. A key that
     * known_hosts did not vouch for ({@link HostKeyCheck}) gets the key pairs only.
     */
    private static Optional<ClientSession> connect(SshClient client, String user, String host, int port,
            HostKeyCheck hostKeys, LoginCredentials login) {
        Credentials keysOnly = login.keys();
        Credentials withSecrets = login.all();
        try {
            return Optional.of(client.connect(host, port, user, key -> hostKeys.vouchedFor(key) ? withSecrets : keysOnly));
        } catch (AuthenticationException e) {
            System.err.println(user + "@" + host + ": Permission denied ("
                    + TerminalText.line(String.join(",", e.canContinue())) + ").");
        } catch (IOException e) {
            System.err.println(hostKeys.refusal().map(TerminalText::lines).orElse(
                    "keyway: cannot connect to " + host + " port " + port + ": " + TerminalText.line(e.getMessage())));
        } finally {
            login.forget();
        }
        return Optional.empty();
    }

    /**
     * Whether to ask for a pty, as ssh(1) decides: by default only for a shell, with -t also
     * for a command, never with -T; and unless -tt, only when stdin is a terminal.
     */
    private boolean wantsTerminal() {
        boolean wanted = !noTerminal && (forceTerminal.length > 0 || command.isEmpty());
        if (wanted && forceTerminal.length < 2 && !LocalTerminal.stdinIsTerminal()) {
            System.err.println("Pseudo-terminal will not be allocated because stdin is not a terminal.");
            return false;
        }
        return wanted;
    }

    /**
     * Runs a command that asked for a terminal: in raw mode if the server gave one and our
     * stdin is a terminal, following our window's size, and with the mode restored after.
     */
    private static int onTerminal(RemoteProcess process, String host) throws Exception {
        if (!process.hasTerminal()) {
            System.err.println("PTY allocation request failed");
            return stream(process);
        }
        Optional<LocalTerminal> local = LocalTerminal.open();
        local.ifPresent(t -> {
            t.enterRawMode();
            LocalTerminal.onResize(size -> process.resizeTerminal(size[1], size[0]));
        });
        try {
            return stream(process);
        } finally {
            local.ifPresent(LocalTerminal::restore);
            System.err.println("Connection to " + host + " closed.");
        }
    }

    /**
     * Copies our stdin to the command and its output to ours, then returns its exit status.
     * Output is written unbuffered, each piece as it comes: on a terminal, a prompt or an echoed
     * key must show at once.
     */
    private static int stream(RemoteProcess process) throws Exception {
        Thread in = copier("stdin", System.in, process.getOutputStream(), true);
        Thread err = copier("stderr", process.getErrorStream(), new FileOutputStream(FileDescriptor.err), false);
        in.start();
        err.start();
        copy(process.getInputStream(), new FileOutputStream(FileDescriptor.out));
        err.join(Duration.ofSeconds(30).toMillis());
        int status = process.waitFor(Duration.ofDays(365));
        process.exitSignal().ifPresent(s -> System.err.println("keyway: remote command killed by signal "
                + TerminalText.line(s.signal())
                + (s.coreDumped() ? " (core dumped)" : "")));
        return status < 0 ? FAILURE : status;
    }

    private static Thread copier(String name, InputStream from, OutputStream to, boolean closeTarget) {
        Thread t = new Thread(() -> {
            try {
                copy(from, to);
                if (closeTarget) {
                    to.close();
                }
            } catch (IOException ignored) {
                // The command ended; nothing more to copy.
            }
        }, "keyway-ssh-" + name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Bytes moved per read: a pipe's whole capacity (64 KiB on Linux), so that a bulk transfer
     * costs few system calls and few hand-overs to the network thread.
     */
    private static final int COPY_BUFFER = 64 * 1024;

    /** Copies until the end of {@code from}, flushing each piece. */
    private static void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buf = new byte[COPY_BUFFER];
        for (int n; (n = from.read(buf)) >= 0; ) {
            to.write(buf, 0, n);
            to.flush();
        }
    }
}
