package dev.keyway.integration.javapeers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.integration.AlgorithmCombination;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One run of the Java-peer matrices: a combination of {@link AlgorithmCombination#all} for
 * Keyway's default registry (8 key exchanges, the five post-quantum hybrids among them, × 4 host
 * key algorithms × (3 AEAD ciphers + 2 CTR ciphers × 4 MACs), 352 runs), the key type its host
 * key algorithm signs with, how it logs in, and the data it sends through {@code cat}.
 *
 * <p>The logins take turns by index; the 11 cipher/MAC pairs of each key exchange/host key pair
 * and the 4 logins have no common factor, so every login meets every cipher/MAC pair and every
 * key exchange/host key pair.
 */
record PeerRun(int index, AlgorithmCombination algorithms, String hostKeyType, Login login) {
    /** Not 0, so that the command's own status is seen to arrive (RFC 4254 §6.10), not a default. */
    private static final int EXIT_STATUS = 7;
    /**
     * What each run executes with {@link #data()} as stdin, understood alike by a shell
     * ({@code SystemShell}) and by {@link EchoOrExitCommand}.
     */
    static final String COMMAND = "cat; exit " + EXIT_STATUS;
    /**
     * 64 KiB: at least two channel data packets each way (RFC 4254 §5.2) at the 32 KiB maximum
     * packet size Keyway, JSch and MINA SSHD announce, and little enough for 352 runs.
     */
    private static final int DATA_BYTES = 64 * 1024;

    /** Every run, for {@code @MethodSource("dev.keyway.integration.javapeers.PeerRun#all")}. */
    static Stream<PeerRun> all() {
        AlgorithmRegistry registry = AlgorithmRegistry.loadDefault();
        List<AlgorithmCombination> combinations = AlgorithmCombination.all(registry);
        Login[] logins = Login.values();
        return IntStream.range(0, combinations.size()).mapToObj(i -> {
            AlgorithmCombination c = combinations.get(i);
            String keyType = registry.signature(c.hostKey()).orElseThrow().keyType();
            return new PeerRun(i, c, keyType, logins[i % logins.length]);
        });
    }

    /** Random bytes for {@code cat}, the same for the same run. */
    byte[] data() {
        byte[] data = new byte[DATA_BYTES];
        new Random(index).nextBytes(data);
        return data;
    }

    /** The command ended with its own status and sent back exactly {@link #data()}. */
    void assertCatResult(CommandResult result) throws Exception {
        assertEquals(EXIT_STATUS, result.exitStatus(), result.stderr());
        assertEquals(KeywayServerForPeers.sha256Hex(data()), KeywayServerForPeers.sha256Hex(result.stdout()),
                "SHA-256 of what came back through cat");
    }

    @Override
    public String toString() {
        return "#" + index + " " + algorithms + ", " + login;
    }
}
