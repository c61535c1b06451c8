package dev.keyway.fuzz;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshWriter;
import dev.keyway.conformance.SeededRandom;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.SshTransport;
import dev.keyway.userauth.UserAuthClient;
import dev.keyway.userauth.UserAuthClientConfig;
import dev.keyway.userauth.UserAuthServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the seed corpus of the protocol targets from real conversations: what a Keyway client
 * and server, and a recorded OpenSSH sshd, really send. Not a test: run by hand from
 * {@code modules/fuzz} when a target's input format changes (docs/fuzzing.md):
 * {@code java -cp ... dev.keyway.fuzz.SeedCorpus src/test/resources/dev/keyway/fuzz}. The key
 * file seeds come from ssh-keygen instead.
 *
 * <p>The conversations use other random seeds than {@link Fixtures}: a seed that replayed a
 * whole key exchange to the very engine that made it would complete it, which the transport
 * targets rightly count as impossible for a fuzzer.
 */
final class SeedCorpus {
    private static final Path SSHD_RECORDING = Path.of("../transport/src/test/resources/openssh-session-curve25519-chacha.txt");
    private final Path root;

    private SeedCorpus(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        SeedCorpus corpus = new SeedCorpus(Path.of(args[0]));
        corpus.transport();
        corpus.established();
        corpus.userAuth();
        corpus.connection();
    }

    private void write(String target, String name, byte[] seed) throws IOException {
        Path file = root.resolve(target.replace('#', '/')).resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, seed);
    }

    // ---- transport before keys: each side's bytes, in the chunks they were read

    private void transport() throws IOException {
        for (String kex : List.of("curve25519-sha256", "ecdh-sha2-nistp256", "mlkem768x25519-sha256",
                "diffie-hellman-group14-sha256")) {
            if (Fixtures.REGISTRY.keyExchange(kex).isEmpty()) {
                continue;
            }
            AlgorithmPolicy policy = AlgorithmPolicy.defaults().with(AlgorithmCategory.KEY_EXCHANGE, kex);
            SshTransport client = SshTransport.client(Fixtures.client(Fixtures.REGISTRY).policy(policy)
                    .random(new SeededRandom(1)).build());
            SshTransport server = SshTransport.server(Fixtures.server(Fixtures.REGISTRY).policy(policy)
                    .random(new SeededRandom(2)).build());
            SeedWriter fromClient = new SeedWriter();
            SeedWriter fromServer = new SeedWriter();
            for (int round = 0; round < 10; round++) {
                move(client, server, fromClient);
                move(server, client, fromServer);
                if (round == 4) {
                    client.send(new byte[] {5, 0, 0, 0, 12, 's', 's', 'h', '-', 'u', 's', 'e', 'r', 'a', 'u', 't', 'h'});
                }
            }
            write("ServerTransportFuzzTestInputs#bytesFromAClient", "keyway-client-" + kex, fromClient.toByteArray());
            write("ClientTransportFuzzTestInputs#bytesFromAServer", "keyway-server-" + kex, fromServer.toByteArray());
        }
        SeedWriter sshd = new SeedWriter();
        for (String line : Files.readAllLines(SSHD_RECORDING)) {
            if (line.startsWith("server ")) {
                chunks(sshd, HexFormat.of().parseHex(line.substring(7)));
            }
        }
        write("ClientTransportFuzzTestInputs#bytesFromAServer", "openssh-9.2-sshd", sshd.toByteArray());
    }

    private static void move(SshTransport from, SshTransport to, SeedWriter record) {
        byte[] bytes = new byte[from.pendingOutput()];
        from.readOutput(bytes, 0, bytes.length);
        to.receive(bytes, 0, bytes.length);
        chunks(record, bytes);
        while (to.pollEvent() != null) {
            // the seed is the bytes; events are the targets' business
        }
    }

    private static void chunks(SeedWriter record, byte[] bytes) {
        for (int off = 0; off < bytes.length; off += 255) {
            record.shortRun(Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + 255)));
        }
    }

    // ---- transport after keys: scripts of EstablishedTransportFuzzTest

    private void established() throws IOException {
        String target = "EstablishedTransportFuzzTestInputs#scriptedPeerAndWire";
        byte[] message = {94, 0, 0, 0, 0, 0, 0, 0, 3, 'a', 'b', 'c'};
        SeedWriter both = script().u8(0).shortRun(message).u8(1).shortRun(message).u8(8).u8(0).u8(9).u8(0);
        write(target, "send-both-ways", both.toByteArray());
        SeedWriter rekey = script().u8(6).u8(0).shortRun(message).u8(8).u8(40).u8(1).shortRun(new byte[] {52})
                .u8(2).shortRun(new byte[200]).u8(4).shortRun("debug".getBytes()).u8(8).u8(0).u8(9).u8(0);
        write(target, "rekey-noise-auth", rekey.toByteArray());
        for (int step : new int[] {10, 12, 14, 16, 18}) {
            SeedWriter attack = script().u8(0).shortRun(message).u8(step);
            if (step == 10) {
                attack.u16(20).u8(0x80);
            } else if (step == 12) {
                attack.u8(3);
            } else if (step == 14) {
                attack.shortRun(new byte[] {0, 0, 0, 12});
            }
            write(target, "wire-step-" + step, attack.u8(8).u8(0).toByteArray());
        }
    }

    /** A script's cipher and MAC: the first of each in the registry. */
    private static SeedWriter script() {
        return new SeedWriter().u8(0).u8(0);
    }

    // ---- user authentication: both sides of real logins

    private void userAuth() throws IOException, SshProtocolException {
        List<UserAuthClientConfig.Builder> clients = List.of(Accounts.client(),
                Accounts.client().methodOrder("keyboard-interactive"),
                Accounts.client().methodOrder("password"));
        String[] names = {"publickey-then-password", "keyboard-interactive", "password-refused"};
        for (int i = 0; i < clients.size(); i++) {
            List<byte[]> toServer = new ArrayList<>();
            List<byte[]> toClient = new ArrayList<>();
            converse(clients.get(i).build(), toServer, toClient);
            SeedWriter server = new SeedWriter();
            toServer.forEach(m -> server.u8(30).longRun(m));
            SeedWriter client = new SeedWriter();
            toClient.forEach(client::longRun);
            write("UserAuthServerFuzzTestInputs#messagesFromAClient", names[i], server.toByteArray());
            write("UserAuthClientFuzzTestInputs#messagesFromAServer", names[i], client.toByteArray());
        }
    }

    /** Runs a login with no failure delay, keeping each side's messages. */
    private static void converse(UserAuthClientConfig config, List<byte[]> toServer, List<byte[]> toClient)
            throws SshProtocolException {
        ArrayDeque<byte[]> serverQueue = new ArrayDeque<>();
        ArrayDeque<byte[]> clientQueue = new ArrayDeque<>();
        UserAuthServer server = new UserAuthServer(new Accounts().server().failureDelay(java.time.Duration.ZERO).build(),
                m -> {
                    toClient.add(m.clone());
                    clientQueue.add(m);
                }, 0L);
        UserAuthClient client = new UserAuthClient(config, m -> {
            toServer.add(m.clone());
            serverQueue.add(m);
        });
        client.start();
        while (!serverQueue.isEmpty() || !clientQueue.isEmpty()) {
            for (byte[] m; (m = serverQueue.poll()) != null; ) {
                server.receive(m, 0, m.length, 0L);
            }
            for (byte[] m; (m = clientQueue.poll()) != null; ) {
                client.receive(m, 0, m.length);
            }
        }
    }

    // ---- connection: what a peer sends on the two channels the targets open first

    private void connection() throws IOException {
        SeedWriter fromClient = new SeedWriter()
                .u8(0x0f).longRun(request(0, "pty-req", true, new SshWriter().writeUtf8("xterm").writeUint32(80)
                        .writeUint32(24).writeUint32(0).writeUint32(0).writeString(new byte[] {0})))
                .u8(0x0f).longRun(request(0, "env", false, new SshWriter().writeUtf8("LANG").writeUtf8("C")))
                .u8(0x0f).longRun(request(0, "exec", true, new SshWriter().writeUtf8("cat")))
                .u8(0x0b).longRun(data(0, 512))
                .u8(0x0b).longRun(windowAdjust(0, 4096))
                .u8(0x01).longRun(PeerDrivenConnection.peerOpensSession(7))
                .u8(0x4f).longRun(channel(96, 0))
                .u8(0x8f).longRun(channel(97, 1))
                .u8(0x00).longRun(new SshWriter().writeByte(80).writeUtf8("keepalive@openssh.com").writeBoolean(true)
                        .toByteArray());
        write("ConnectionServerFuzzTestInputs#messagesFromAClient", "session", fromClient.toByteArray());
        SeedWriter fromServer = new SeedWriter()
                .u8(0x0f).longRun(windowAdjust(0, 4096))
                .u8(0x0b).longRun(data(0, 700))
                .u8(0x0b).longRun(new SshWriter().writeByte(95).writeUint32(1).writeUint32(1).writeString(new byte[300])
                        .toByteArray())
                .u8(0x06).longRun(request(0, "exit-status", false, new SshWriter().writeUint32(7)))
                .u8(0x06).longRun(request(1, "exit-signal", false, new SshWriter().writeUtf8("TERM").writeBoolean(false)
                        .writeUtf8("").writeUtf8("")))
                .u8(0x00).longRun(channel(96, 0))
                .u8(0x80).longRun(channel(97, 0));
        write("ConnectionClientFuzzTestInputs#messagesFromAServer", "session", fromServer.toByteArray());
    }

    private static byte[] request(int recipient, String type, boolean wantReply, SshWriter fields) {
        return new SshWriter().writeByte(98).writeUint32(recipient).writeUtf8(type).writeBoolean(wantReply)
                .writeRaw(fields.toByteArray()).toByteArray();
    }

    private static byte[] data(int recipient, int length) {
        return new SshWriter().writeByte(94).writeUint32(recipient).writeString(new byte[length]).toByteArray();
    }

    private static byte[] windowAdjust(int recipient, int bytes) {
        return new SshWriter().writeByte(93).writeUint32(recipient).writeUint32(bytes).toByteArray();
    }

    private static byte[] channel(int number, int recipient) {
        return new SshWriter().writeByte(number).writeUint32(recipient).toByteArray();
    }
}
