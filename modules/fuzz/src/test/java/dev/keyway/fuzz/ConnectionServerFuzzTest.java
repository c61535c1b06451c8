package dev.keyway.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The server's connection engine after two session channels were opened by its peer, the
 * fuzzer, which then sends anything: the input is a run of messages, each an owner byte (see
 * {@link PeerDrivenConnection}) and a message with a 16-bit length.
 */
class ConnectionServerFuzzTest {
    private static final int ACCEPT = 1;

    @FuzzTest
    void messagesFromAClient(byte[] data) {
        PeerDrivenConnection server = new PeerDrivenConnection(false);
        server.receive(PeerDrivenConnection.peerOpensSession(0), ACCEPT);
        server.receive(PeerDrivenConnection.peerOpensSession(1), ACCEPT);
        FuzzInput input = new FuzzInput(data);
        while (input.hasMore()) {
            int owner = input.u8();
            if (!server.receive(input.longRun(), owner)) {
                return;
            }
        }
    }
}
