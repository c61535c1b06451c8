package dev.keyway.cli;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.keys.KeyFingerprint;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.keys.AuthorizedKeys;
import dev.keyway.keys.AuthorizedKeysAuthenticator;
import dev.keyway.keys.LineProblem;
import dev.keyway.keys.PasswordTable;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.SshServer;
import dev.keyway.ssh.SystemShell;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keyway server}: an SSH server on the embedding API. Commands run as the user the
 * server runs as: {@code exec} with {@code /bin/sh -c}, {@code shell} with {@code /bin/sh}; after a
 * {@code pty-req}, on a pseudo-terminal made by util-linux {@code script} (see {@link SystemShell}).
 */
@Command(name = "server", description = "Runs an SSH server (127.0.0.1 unless -b says otherwise).")
final class ServerCommand implements Callable<Integer> {
    /** Only the long form: {@code -h} names a host key file, as in sshd. */
    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "-p", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    private int port = 2222;

    @Option(names = "-b", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String address = "127.0.0.1";

    @Option(names = "-h", paramLabel = "HOSTKEYFILE",
            description = "An OpenSSH private host key; repeat for several key types. Without it an ed25519 key"
                    + " is made once and kept in ~/.keyway/ssh_host_ed25519_key.")
    private List<Path> hostKeyFiles = new ArrayList<>();

    @Option(names = "--authorized-keys", paramLabel = "FILE",
            description = "Public keys (authorized_keys format, with sshd's options: from=, command=, no-pty,"
                    + " restrict, expiry-time=, environment=, ...) allowed to log in as any user; a line with an"
                    + " option Keyway cannot apply is skipped with a warning.")
    private Path authorizedKeys;

    @Option(names = "--password", paramLabel = "USER:PASSWORD",
            description = "A user and password that may log in; repeatable. Every user of this machine can read it"
                    + " in ps: prefer --password-file.")
    private List<String> passwords = new ArrayList<>();

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Users and passwords that may log in, one USER:PASSWORD a line (blank lines and # comments"
                    + " allowed); repeatable. Refused unless only its owner can read and write it (chmod 600).")
    private List<Path> passwordFiles = new ArrayList<>();

    @Option(names = "-o", paramLabel = "Option=value",
            description = "Ciphers=, KexAlgorithms=, MACs=, HostKeyAlgorithms= (+, -, ^ allowed), Banner=FILE,"
                    + " MaxAuthTries=N, LoginGraceTime=SECONDS, AuthenticationMethods=publickey,password,"
                    + " MaxStartups=10:30:100, PerSourceMaxStartups=N, MaxSessions=N, ClientAliveInterval=SECONDS,"
                    + " ClientAliveCountMax=N, RekeyLimit=1G, PerSourcePenalties=yes|no,"
                    + " 'Subsystem=NAME COMMAND', 'AcceptEnv=LANG LC_*' (both repeatable),"
                    + " PermitUserEnvironment=yes|no as in sshd_config.")
    private List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Set<String> known = new HashSet<>(OpenSshOptions.ALGORITHMS);
        known.addAll(LoginOptions.NAMES);
        known.addAll(LimitOptions.NAMES);
        known.add("subsystem");
        known.add("acceptenv");
        known.add("permituserenvironment");
        Optional<String> unknown = OpenSshOptions.unknown(options, known);
        if (unknown.isPresent()) {
            System.err.println("keyway server: unsupported option -o " + unknown.get());
            return 2;
        }
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        List<KeyPair> hostKeys = hostKeys(registry);
        SshServer.Builder builder = SshServer.builder()
                .registry(registry)
                .policy(OpenSshOptions.policy(options))
                .hostKeys(hostKeys)
                .bind(new InetSocketAddress(address, port))
                .execHandler(new SystemShell())
                .shellHandler(new SystemShell());
        LoginOptions.apply(options, builder);
        LimitOptions.apply(options, builder);
        for (String accepted : OpenSshOptions.values(options, "AcceptEnv")) {
            builder.acceptEnv(accepted.trim().split("\\s+"));
        }
        for (String subsystem : OpenSshOptions.values(options, "Subsystem")) {
            // sshd_config: "Subsystem sftp /usr/lib/openssh/sftp-server", the command run by the shell.
            String[] nameAndCommand = subsystem.split("\\s+", 2);
            if (nameAndCommand.length < 2) {
                System.err.println("keyway server: -o Subsystem= takes a name and a command, not " + subsystem);
                return 2;
            }
            builder.subsystemHandler(nameAndCommand[0], SystemShell.subsystem(nameAndCommand[1]));
        }
        PasswordTable passwordTable = new PasswordTable();
        try {
            passwords.forEach(passwordTable::add);
            for (Path file : passwordFiles) {
                passwordTable.addFile(file);
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("keyway server: " + e.getMessage());
            return 2;
        }
        if (!passwordTable.isEmpty()) {
            builder.passwordAuthenticator(passwordTable);
        }
        String permitUserEnvironment = OpenSshOptions.value(options, "PermitUserEnvironment").orElse("no")
                .toLowerCase(Locale.ROOT);
        if (!permitUserEnvironment.equals("yes") && !permitUserEnvironment.equals("no")) {
            System.err.println("keyway server: -o PermitUserEnvironment= takes yes or no, not " + permitUserEnvironment);
            return 2;
        }
        if (authorizedKeys != null) {
            AuthorizedKeys keys = AuthorizedKeys.read(authorizedKeys);
            for (LineProblem p : keys.problems()) {
                System.err.println(authorizedKeys + ":" + p.lineNumber() + ": warning: " + p.message()
                        + "; line skipped");
            }
            builder.publicKeyAuthenticator(AuthorizedKeysAuthenticator.of(keys)
                    .permitUserEnvironment(permitUserEnvironment.equals("yes")));
        }
        if (passwordTable.isEmpty() && authorizedKeys == null) {
            System.err.println("keyway server: give --password-file FILE or --authorized-keys FILE, or nobody can log in");
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (SshServer server = builder.build()) {
            InetSocketAddress bound = server.start();
            for (KeyPair key : hostKeys) {
                SignatureAlgorithm sig = registry.signature(typeOf(registry, key)).orElseThrow();
                System.out.println("host key " + sig.keyType() + " "
                        + KeyFingerprint.sha256(sig.encodePublicKey(key.getPublic())));
            }
            System.out.println("listening on " + bound.getHostString() + ":" + bound.getPort()
                    + "; try: ssh -p " + bound.getPort() + " USER@" + bound.getHostString() + " 'echo hello'");
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }

    private List<KeyPair> hostKeys(AlgorithmRegistry registry) throws Exception {
        List<KeyPair> keys = new ArrayList<>();
        for (Path file : hostKeyFiles) {
            keys.add(PrivateKeyFile.read(file));
        }
        if (keys.isEmpty()) {
            Path file = Path.of(System.getProperty("user.home"), ".keyway", "ssh_host_ed25519_key");
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                KeyPair made = registry.signature("ssh-ed25519").orElseThrow().generateKeyPair(new SecureRandom());
                PrivateKeyFile.write(file, made);
                System.out.println("made a new ed25519 host key in " + file);
            }
            keys.add(PrivateKeyFile.read(file));
        }
        return keys;
    }

    private static String typeOf(AlgorithmRegistry registry, KeyPair key) {
        return registry.names(dev.keyway.api.AlgorithmCategory.HOST_KEY).stream()
                .filter(n -> registry.signature(n).orElseThrow().accepts(key.getPublic()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no algorithm takes this host key"));
    }
}
