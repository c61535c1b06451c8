package dev.keyway.integration.bench;

import dev.keyway.integration.AlgorithmCombination;
import dev.keyway.integration.javapeers.MinaAlgorithms;
import dev.keyway.integration.javapeers.MinaClientForPeers;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Apache MINA SSHD's client, the library, in this JVM: one started client per choice of
 * algorithms ({@link MinaAlgorithms#offerOnly}: one key exchange, {@code ssh-ed25519} host keys,
 * one cipher and MAC), kept for the whole run. A command's streams are MINA's inverted ones (no
 * stream given to the channel), written and read by the caller's thread, with no pump thread between.
 */
final class MinaLibraryClient implements BenchClient {
    private static final Duration LIMIT = KeywayLibraryClient.LIMIT;
    private static final String DEFAULT_KEX = "curve25519-sha256";

    private final List<KeyPair> keys = new ArrayList<>();
    private final Set<String> hostKeyFingerprints;
    private final Map<Crypto, SshClient> clients = new ConcurrentHashMap<>();

    MinaLibraryClient(BenchServers servers) throws Exception {
        try (InputStream in = Files.newInputStream(servers.userKey())) {
            SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("user key"), in, null).forEach(keys::add);
        }
        this.hostKeyFingerprints = Set.copyOf(servers.all().stream().map(Target::hostKeyFingerprint).toList());
    }

    @Override
    public String name() {
        return "mina-library";
    }

    private ClientSession connect(Target target, Crypto crypto) throws Exception {
        SshClient client = clients.computeIfAbsent(crypto, c -> {
            SshClient made = SshClient.setUpDefaultClient();
            MinaAlgorithms.offerOnly(made, new AlgorithmCombination(c.kex() == null ? DEFAULT_KEX : c.kex(),
                    "ssh-ed25519", c.cipher() == null ? "chacha20-poly1305@openssh.com" : c.cipher(), c.mac()));
            made.setServerKeyVerifier((session, address, key) ->
                    hostKeyFingerprints.contains(KeyUtils.getFingerPrint(key)));
            return made;
        });
        return MinaClientForPeers.login(client, System.getProperty("user.name"), target.port(), session -> {
            for (KeyPair k : keys) {
                session.addPublicKeyIdentity(k);
            }
        });
    }

    /** Runs {@code command} with the caller writing its stdin and reading its stdout. */
    private <T> T exec(Target target, Crypto crypto, String command, Duration limit, Streams<T> streams)
            throws Exception {
        return Bounded.call(limit, () -> {
            try (ClientSession session = connect(target, crypto); ChannelExec channel = session.createExecChannel(command)) {
                channel.open().verify(LIMIT);
                T result = streams.use(channel.getInvertedIn(), channel.getInvertedOut());
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), LIMIT);
                Integer status = channel.getExitStatus();
                if (status == null || status != 0) {
                    throw new IllegalStateException(command + " exited " + status);
                }
                return result;
            }
        });
    }

    private interface Streams<T> {
        T use(OutputStream stdin, InputStream stdout) throws Exception;
    }

    @Override
    public void upload(Target target, Crypto crypto, long bytes) throws Exception {
        String count = exec(target, crypto, "wc -c", Bounded.transferLimit(bytes), (stdin, stdout) -> {
            byte[] zeros = new byte[64 * 1024];
            try (stdin) {
                for (long left = bytes; left > 0; left -= zeros.length) {
                    stdin.write(zeros, 0, (int) Math.min(zeros.length, left));
                }
            }
            return new String(stdout.readAllBytes(), StandardCharsets.US_ASCII).strip();
        });
        if (!count.equals(Long.toString(bytes))) {
            throw new IllegalStateException("wc -c counted " + count + ", not " + bytes);
        }
    }

    @Override
    public void download(Target target, Crypto crypto, long bytes) throws Exception {
        long read = exec(target, crypto, "head -c " + bytes + " /dev/zero", Bounded.transferLimit(bytes),
                (stdin, stdout) -> {
                    stdin.close();
                    return KeywayLibraryClient.count(stdout);
                });
        if (read != bytes) {
            throw new IllegalStateException("read " + read + " bytes, not " + bytes);
        }
    }

    @Override
    public void runTrue(Target target, Crypto crypto) throws Exception {
        exec(target, crypto, "true", LIMIT, (stdin, stdout) -> {
            stdin.close();
            return stdout.readAllBytes().length;
        });
    }

    @Override
    public boolean inThisJvm() {
        return true;
    }

    @Override
    public void close() {
        clients.values().forEach(SshClient::stop);
        clients.clear();
    }
}
