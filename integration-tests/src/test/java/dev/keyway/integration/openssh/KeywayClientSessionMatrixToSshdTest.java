package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.conformance.ProviderWithAlgorithms;
import dev.keyway.integration.AlgorithmCombination;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import dev.keyway.transport.TransportEvent;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Keyway {@link SshClient} against OpenSSH's sshd, whole sessions over the whole algorithm
 * matrix: for every key exchange × host key × cipher (× MAC) of
 * {@link AlgorithmCombination#all} that this OpenSSH implements, the client's policy offers
 * exactly that combination, checks the host key against the fingerprint {@code ssh-keygen}
 * printed, logs in by publickey (RFC 4252 §7), runs {@code cat; exit 7} with random data
 * through stdin and back (RFC 4254 §6.5, §5.2), and gets the same SHA-256 back and exit status
 * 7 (§6.10). The client re-keys after every MiB (RFC 4253 §9), so the transfer crosses at least
 * one re-exchange, and the algorithms must be the same after it.
 *
 * <p>User keys rotate with the run: ed25519, ECDSA P-256 and RSA, the RSA key signing
 * {@code rsa-sha2-512} and {@code rsa-sha2-256} (RFC 8332) by turns. Two sshd processes serve
 * the runs, one whose {@code PubkeyAcceptedAlgorithms} takes only {@code rsa-sha2-512} of the
 * RSA algorithms and one only {@code rsa-sha2-256}; a login it accepts thus proves which one
 * the client signed with, and sshd's log must name the user key's type and fingerprint.
 * The Keyway client picks the RSA signature on its own (SHA-512 first, among those in the
 * server's {@code server-sig-algs}), and neither its policy nor {@link Credentials} can change
 * that; OpenSSH 9.2 lists both in {@code server-sig-algs} whatever its
 * {@code PubkeyAcceptedAlgorithms}. So the {@code rsa-sha2-256} runs give the client a registry
 * without {@code rsa-sha2-512}, which is why a run with an {@code rsa-sha2-512} host key never
 * takes that turn.
 *
 * <p>How much data: 20 MiB through {@code cat} took about 2.8 s per combination on a 2-core
 * machine (about 20 re-exchanges each), so all 132 classic combinations would take some 6
 * minutes, past the share of the CI time this class may have. So the 20 MiB runs are a covering subset, the
 * diagonal of the kex/host-key × cipher/MAC grid (see {@link #coversPair}): each key exchange
 * with each host key type, and each cipher with each of its MACs, at least once, in 32 runs
 * (eight key exchanges, the five post-quantum hybrids among them, × four host keys; OpenSSH 9.2
 * implements the two sntrup761x25519 hybrids, so 20 of them run against it).
 * Every other combination sends 1.5 MiB, which still crosses the 1 MiB re-key limit. Most of
 * such a run (about 1 s of 1.3 s) is sshd starting the command, which a smaller transfer would
 * not save; the whole class took 3 to 3.5 minutes here.
 */
class KeywayClientSessionMatrixToSshdTest {
    private static final long REKEY_AFTER_BYTES = 1 << 20;
    private static final int FULL_TRANSFER = 20 << 20;
    private static final int SHORT_TRANSFER = 3 << 19;
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final Duration TRANSFER_LIMIT = Duration.ofSeconds(120);
    private static final String RSA_SHA512 = "rsa-sha2-512";
    private static final String RSA_SHA256 = "rsa-sha2-256";
    /** Which signature the login uses, by run index: the user key type and, for RSA, the hash. */
    private static final List<String> LOGIN_ROTATION = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", RSA_SHA512,
            "ssh-ed25519", "ecdsa-sha2-nistp256", RSA_SHA256);
    /** How sshd's log names a key type ("Accepted publickey for ... ssh2: ED25519 SHA256:..."). */
    private static final Map<String, String> SSHD_KEY_LABEL = Map.of(
            "ssh-ed25519", "ED25519", "ecdsa-sha2-nistp256", "ECDSA", "ssh-rsa", "RSA");
    private static final byte[] DATA = new byte[FULL_TRANSFER];

    @TempDir
    static Path directory;
    private static AlgorithmRegistry registry;
    private static AlgorithmRegistry registryWithoutRsaSha512;
    private static SshdAlgorithms common;
    private static SshdServer sha512Sshd;
    private static SshdServer sha256Sshd;
    private static final Map<String, PublicKeyLogin> LOGINS = new LinkedHashMap<>();
    private static ExecutorService streams;

    @BeforeAll
    static void startSshd() throws Exception {
        OpenSshInstallation openSsh = OpenSshInstallation.require();
        registry = AlgorithmRegistry.loadDefault();
        registryWithoutRsaSha512 = withoutAlgorithm(RSA_SHA512);
        common = SshdAlgorithms.common(registry, openSsh);
        String user = PublicKeyLogin.currentUser();
        for (String algorithm : List.of("ssh-ed25519", "ecdsa-sha2-nistp256", RSA_SHA512)) {
            PublicKeyLogin login = new PublicKeyLogin(registry, user, algorithm);
            LOGINS.put(login.keyType(), login);
        }
        sha512Sshd = startSshd(openSsh, "sha512", RSA_SHA512);
        sha256Sshd = startSshd(openSsh, "sha256", RSA_SHA256);
        new SplittableRandom(20).nextBytes(DATA);
        streams = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cat-stream");
            t.setDaemon(true);
            return t;
        });
    }

    private static SshdServer startSshd(OpenSshInstallation openSsh, String name, String rsaSignature)
            throws Exception {
        Path dir = Files.createDirectories(directory.resolve(name));
        SshdServer sshd = SshdServer.start(openSsh, dir,
                common.acceptingUserKeys("ssh-ed25519", "ecdsa-sha2-nistp256", rsaSignature));
        for (PublicKeyLogin login : LOGINS.values()) {
            sshd.authorize(login.authorizedKeysLine());
        }
        return sshd;
    }

    @AfterAll
    static void stopSshd() {
        if (streams != null) {
            streams.shutdownNow();
        }
        for (SshdServer sshd : new SshdServer[] {sha512Sshd, sha256Sshd}) {
            if (sshd != null) {
                sshd.close();
            }
        }
    }

    /**
     * Every combination with the signature its login uses and how much data goes through
     * {@code cat}: {@link #FULL_TRANSFER} on the covering subset, {@link #SHORT_TRANSFER} on the
     * rest.
     */
    static Stream<Arguments> runs() {
        AlgorithmRegistry r = AlgorithmRegistry.loadDefault();
        List<AlgorithmCombination> all = AlgorithmCombination.all(r);
        List<String> kexAndHostKeys = all.stream().map(c -> c.kex() + " " + c.hostKey()).distinct().toList();
        List<String> ciphersAndMacs = all.stream().map(c -> c.cipher() + " " + c.mac()).distinct().toList();
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            AlgorithmCombination c = all.get(i);
            String login = LOGIN_ROTATION.get(i % LOGIN_ROTATION.size());
            if (login.equals(RSA_SHA256) && c.hostKey().equals(RSA_SHA512)) {
                login = RSA_SHA512; // the registry that makes the client sign SHA-256 lacks this host key
            }
            int kh = kexAndHostKeys.indexOf(c.kex() + " " + c.hostKey());
            int cm = ciphersAndMacs.indexOf(c.cipher() + " " + c.mac());
            out.add(Arguments.of(c, login, coversPair(kh, cm, kexAndHostKeys.size(), ciphersAndMacs.size())
                    ? FULL_TRANSFER : SHORT_TRANSFER));
        }
        return out.stream();
    }

    /**
     * The diagonal of the kex/host-key × cipher/MAC grid, wrapped round the shorter side: it
     * holds each row and each column at least once, in {@code max(rows, columns)} cells.
     */
    private static boolean coversPair(int row, int column, int rows, int columns) {
        for (int t = 0; t < Math.max(rows, columns); t++) {
            if (t % rows == row && t % columns == column) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{index}: {0}, user key signed {1}, {2} bytes through cat")
    @MethodSource("runs")
    void publicKeyLoginAndDataThroughCatWithReExchanges(AlgorithmCombination c, String loginSignature, int bytes)
            throws Exception {
        for (String name : new String[] {c.kex(), c.hostKey(), c.cipher(), c.mac()}) {
            assumeTrue(name == null || common.offers(name), "this OpenSSH does not implement " + name);
        }
        boolean sha256 = loginSignature.equals(RSA_SHA256);
        SshdServer sshd = sha256 ? sha256Sshd : sha512Sshd;
        PublicKeyLogin login = LOGINS.get(registry.signature(loginSignature).orElseThrow().keyType());
        OpenSshHostKey hostKey = sshd.hostKey(registry.signature(c.hostKey()).orElseThrow().keyType());
        String accepted = "Accepted publickey for " + PublicKeyLogin.currentUser() + " from 127.0.0.1 port ";
        String acceptedKey = " ssh2: " + SSHD_KEY_LABEL.get(login.keyType()) + " " + login.fingerprint();
        long acceptedBefore = count(sshd.log(), accepted, acceptedKey);
        AtomicInteger keyExchanges = new AtomicInteger();
        try (SshClient client = SshClient.builder()
                .registry(sha256 ? registryWithoutRsaSha512 : registry)
                .policy(c.policy())
                .hostKeyVerifier(key -> key.algorithm().equals(c.hostKey())
                        && key.fingerprint().equals(hostKey.fingerprint()))
                .timeout(LIMIT)
                .rekeyAfterBytes(REKEY_AFTER_BYTES)
                .transportObserver(e -> {
                    if (e instanceof TransportEvent.KeysEstablished k) {
                        keyExchanges.accumulateAndGet(k.keyExchangeCount(), Math::max);
                    }
                })
                .build();
                ClientSession session = client.connect("127.0.0.1", sshd.port(), PublicKeyLogin.currentUser(),
                        Credentials.keyPairs(login.keyPair()))) {
            assertEquals(hostKey.fingerprint(), session.hostKey().fingerprint());
            assertEquals(c.expected(), session.algorithms());
            catWithExitStatus7(session, bytes);
            assertTrue(keyExchanges.get() >= 2, "no re-exchange during the transfer: " + keyExchanges.get()
                    + " key exchange(s)");
            assertEquals(c.expected(), session.algorithms(), "the algorithms after the re-exchanges");
        } catch (Exception | AssertionError e) {
            throw new AssertionError(e + "\nsshd's log ends:\n" + tail(sshd.log(), 30), e);
        }
        Deadline deadline = Deadline.Limit.ofSeconds(LIMIT.toSeconds()).start();
        while (count(sshd.log(), accepted, acceptedKey) == acceptedBefore && !deadline.expired()) {
            deadline.pause(10);
        }
        assertEquals(acceptedBefore + 1, count(sshd.log(), accepted, acceptedKey),
                "sshd did not log the login with" + acceptedKey + ":\n" + tail(sshd.log(), 30));
    }

    /** {@code bytes} of {@link #DATA} through {@code cat}: writer and reader at once, each bounded. */
    private static void catWithExitStatus7(ClientSession session, int bytes) throws Exception {
        RemoteProcess cat = session.exec("cat; exit 7");
        Future<?> writer = streams.submit(() -> {
            try (OutputStream in = cat.getOutputStream()) {
                in.write(DATA, 0, bytes);
            }
            return null;
        });
        Future<String> reader = streams.submit(() -> sha256Hex(cat.getInputStream()));
        // A hang ends here; closing the session (the caller's try) then ends both streams.
        String back = reader.get(TRANSFER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        writer.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        sent.update(DATA, 0, bytes);
        assertEquals(HexFormat.of().formatHex(sent.digest()), back, "what came back through cat");
        assertEquals(7, cat.waitFor(LIMIT));
    }

    private static String sha256Hex(InputStream in) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) >= 0; ) {
            d.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static long count(String log, String prefix, String suffix) {
        return log.lines().filter(l -> l.contains(prefix) && l.strip().endsWith(suffix)).count();
    }

    private static String tail(String log, int lines) {
        List<String> all = log.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** The default providers with one algorithm name left out of each. */
    private static AlgorithmRegistry withoutAlgorithm(String name) {
        AlgorithmRegistry.Builder b = AlgorithmRegistry.builder();
        for (AlgorithmProvider p : ServiceLoader.load(AlgorithmProvider.class)) {
            b.add(new ProviderWithAlgorithms(p, p.algorithms().stream().filter(a -> !a.name().equals(name)).toList()));
        }
        return b.build();
    }
}
