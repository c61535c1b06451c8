package dev.keyway.cli;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.PasswordSource;
import dev.keyway.keys.HostAddress;
import dev.keyway.keys.KeyFileException;
import dev.keyway.keys.KnownHostsFile;
import dev.keyway.keys.KnownHostsVerifier;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.AuthenticationException;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.ssh.Terminal;
import dev.keyway.transport.HostKeyVerifier;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Option(names = "-o", paramLabel = "Option=value", description = "KexAlgorithms=, HostKeyAlgorithms=, Ciphers=,"
            + " MACs=, StrictHostKeyChecking=yes|no|accept-new, UserKnownHostsFile=FILE, 'SetEnv=NAME=value ...'.")
    private List<String> options = new ArrayList<>();

    @Option(names = "-t", description = "Ask for a terminal, also for a command; twice (-tt): even when stdin is"
            + " not a terminal.")
    private boolean[] forceTerminal = new boolean[0];

    @Option(names = "-T", description = "Ask for no terminal.")
    private boolean noTerminal;

    @Option(names = "-s", description = "Ask for the subsystem the command names (e.g. sftp) instead of running it.")
    private boolean subsystem;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from FILE.")
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
        HostAddress address = new HostAddress(host, port);
        KnownHostsFile knownHosts = OpenSshOptions.value(all, "UserKnownHostsFile")
                .map(p -> new KnownHostsFile(Path.of(p))).orElse(KnownHostsFile.ofUser());
        Optional<KnownHostsVerifier> checked = Optional.empty();
        HostKeyVerifier verifier;
        String strict = OpenSshOptions.value(all, "StrictHostKeyChecking").orElse("yes");
        switch (strict) {
            case "no" -> verifier = KnownHostsVerifier.dangerAcceptAny();
            case "accept-new" -> {
                checked = Optional.of(KnownHostsVerifier.acceptNew(knownHosts, address, false));
                verifier = checked.get();
            }
            default -> {
                checked = Optional.of(KnownHostsVerifier.strict(knownHosts, address));
                verifier = checked.get();
            }
        }
        SequenceDiagram diagram = new SequenceDiagram();
        SessionTrace trace = new SessionTrace(verbose ? System.err : new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                diagram, true);
        SshClient.Builder builder = SshClient.builder().registry(AlgorithmRegistry.loadDefault())
                .policy(OpenSshOptions.policy(all)).hostKeyVerifier(verifier).timeout(Duration.ofSeconds(30))
                .transportObserver(e -> trace.event(true, e))
                .messageObserver((sent, payload) -> trace.message(true, sent, payload))
                .bannerHandler(text -> System.err.print(printable(text)));
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
            ClientSession session;
            try {
                session = client.connect(host, port, user, credentials(user));
            } catch (AuthenticationException e) {
                System.err.println(user + "@" + host + ": Permission denied (" + String.join(",", e.canContinue()) + ").");
                return FAILURE;
            } catch (IOException e) {
                Optional<String> refused = checked.flatMap(KnownHostsVerifier::lastRejection).map(r -> r.message());
                System.err.println(refused.orElse("keyway: cannot connect to " + host + " port " + port + ": " + e.getMessage()));
                return FAILURE;
            }
            if (verbose) {
                System.err.println("keyway: authenticated to " + host + " as " + user);
            }
            try (session) {
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
                System.err.println("keyway: " + e.getMessage());
                return FAILURE;
            } finally {
                if (diagramFile != null) {
                    try (OutputStream svg = Files.newOutputStream(diagramFile)) {
                        diagram.writeSvg(svg);
                    }
                }
            }
        }
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

    private Credentials credentials(String user) throws Exception {
        List<KeyPair> keys = new ArrayList<>();
        List<Path> files = new ArrayList<>(identities);
        if (files.isEmpty()) {
            Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
            for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
                if (Files.isReadable(ssh.resolve(name))) {
                    files.add(ssh.resolve(name));
                }
            }
        }
        for (Path file : files) {
            readKey(file).ifPresent(keys::add);
        }
        Credentials credentials = Credentials.keyPairs(keys.toArray(KeyPair[]::new));
        return credentials.withPasswords(passwords()).withPrompter(prompter());
    }

    /**
     * A key file, asking the terminal for its passphrase if it is encrypted, up to three
     * times as ssh does; a key that cannot be read is skipped with a warning, and the login
     * goes on with the other credentials.
     */
    private static Optional<KeyPair> readKey(Path file) throws IOException {
        try {
            return Optional.of(PrivateKeyFile.read(file));
        } catch (KeyFileException e) {
            if (e.reason() != KeyFileException.Reason.PASSPHRASE_REQUIRED) {
                System.err.println("keyway: cannot use " + file + ": " + e.getMessage());
                return Optional.empty();
            }
        }
        Console console = System.console();
        for (int attempt = 1; console != null && attempt <= 3; attempt++) {
            char[] passphrase = console.readPassword("Enter passphrase for key '%s': ", file);
            if (passphrase == null || passphrase.length == 0) {
                break;
            }
            try {
                return Optional.of(PrivateKeyFile.read(file, passphrase));
            } catch (KeyFileException e) {
                System.err.println("keyway: " + e.getMessage());
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
        System.err.println("keyway: skipping " + file + ": it is encrypted and no passphrase was given");
        return Optional.empty();
    }

    /** The password given without a terminal: --password-file, then SSH_PASSWORD; null if neither. */
    private char[] givenPassword() throws IOException {
        if (passwordFile != null) {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        }
        String fromEnvironment = System.getenv("SSH_PASSWORD");
        return fromEnvironment == null ? null : fromEnvironment.toCharArray();
    }

    /**
     * Answers keyboard-interactive rounds (RFC 4256 §3.3). A first round that asks one hidden
     * question, as a PAM password prompt does, gets the given password; otherwise the terminal
     * shows the round, escaped, and reads each answer, hidden unless the prompt allows echo.
     */
    private InteractivePrompter prompter() {
        AtomicInteger rounds = new AtomicInteger();
        return (user, round) -> {
            int n = rounds.incrementAndGet();
            try {
                char[] given = givenPassword();
                if (given != null) {
                    boolean oneHidden = round.prompts().size() == 1 && !round.prompts().get(0).echo();
                    return n == 1 && oneHidden ? Optional.of(List.of(given)) : Optional.empty();
                }
            } catch (IOException e) {
                System.err.println("keyway: cannot read " + passwordFile + ": " + e.getMessage());
                return Optional.empty();
            }
            Console console = System.console();
            if (console == null || n > 6) {
                return Optional.empty();
            }
            for (String text : List.of(round.name(), round.instruction())) {
                if (!text.isEmpty()) {
                    console.printf("%s%n", printable(text));
                }
            }
            List<char[]> answers = new ArrayList<>();
            for (InteractivePrompt prompt : round.prompts()) {
                String text = printable(prompt.text());
                char[] answer = prompt.echo() ? Optional.ofNullable(console.readLine("%s", text)).map(String::toCharArray)
                        .orElse(null) : console.readPassword("%s", text);
                if (answer == null) {
                    return Optional.empty();
                }
                answers.add(answer);
            }
            return Optional.of(answers);
        };
    }

    /** The password from --password-file, then SSH_PASSWORD, then the terminal, asked once per attempt. */
    private PasswordSource passwords() {
        return (user, attempt) -> {
            try {
                char[] given = givenPassword();
                if (given != null) {
                    return attempt == 1 ? Optional.of(given) : Optional.empty();
                }
            } catch (IOException e) {
                System.err.println("keyway: cannot read " + passwordFile + ": " + e.getMessage());
                return Optional.empty();
            }
            Console console = System.console();
            return console == null || attempt > 3 ? Optional.empty()
                    : Optional.ofNullable(console.readPassword("%s's password: ", user));
        };
    }

    /**
     * The server's banner as it may reach a terminal: control characters other than line
     * breaks and tabs become '?', so that a server cannot drive the user's terminal, as
     * OpenSSH escapes them too.
     */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
            b.appendCodePoint(control ? '?' : c);
        });
        return b.toString();
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
        process.exitSignal().ifPresent(s -> System.err.println("keyway: remote command killed by signal " + s.signal()
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

    /** Copies until the end of {@code from}, flushing each piece. */
    private static void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buf = new byte[8192];
        for (int n; (n = from.read(buf)) >= 0; ) {
            to.write(buf, 0, n);
            to.flush();
        }
    }
}
