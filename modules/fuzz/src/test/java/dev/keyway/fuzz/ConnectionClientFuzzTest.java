package dev.keyway.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The client's connection engine after it opened two session channels and its peer, the
 * fuzzer, confirmed them; the peer then sends anything: the input is a run of messages, each
 * an owner byte (see {@link PeerDrivenConnection}) and a message with a 16-bit length.
 */
class ConnectionClientFuzzTest {

    @FuzzTest
    void messagesFromAServer(byte[] data) {
        PeerDrivenConnection client = new PeerDrivenConnection(true);
        for (int peerId = 0; peerId < 2; peerId++) {
            client.receive(PeerDrivenConnection.peerConfirms(client.openSession(), peerId), 0);
        }
        FuzzInput input = new FuzzInput(data);
        while (input.hasMore()) {
            int owner = input.u8();
            if (!client.receive(input.longRun(), owner)) {
                return;
            }
        }
    }
}
