package dev.keyway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyway.keys.HostAddress;
import dev.keyway.keys.HostKeyStatus;
import dev.keyway.keys.KnownHosts;
import dev.keyway.keys.KnownHostsEntry;
import dev.keyway.keys.KnownHostsLine;
import dev.keyway.keys.KnownHostsLookup;
import dev.keyway.keys.KnownHostsMarker;
import dev.keyway.keys.LineFormatException;
import java.nio.charset.StandardCharsets;

/**
 * {@link KnownHosts} on any file and any lookup: the input is a host name (length byte), a
 * port (16 bits), a byte choosing the key looked up (a key of the file, or the next run of
 * bytes as a blob) and the file's text. Parsing never throws and each entry writes back to a
 * line that parses to the same entry; a lookup never throws and its answer agrees with the
 * lines it returns (sshd(8) SSH_KNOWN_HOSTS FILE FORMAT): REVOKED lines are revoked lines of
 * this key, MATCH lines hold this key, MISMATCH lines another key of its type, and all of
 * them name the host.
 */
class KnownHostsFuzzTest {

    @FuzzTest
    void knownHostsFile(byte[] data) throws LineFormatException {
        FuzzInput input = new FuzzInput(data);
        String host = new String(input.shortRun(), StandardCharsets.ISO_8859_1);
        int port = input.u16();
        int choice = input.u8();
        byte[] ownBlob = input.shortRun();
        KnownHosts file = KnownHosts.parse(new String(input.rest(), StandardCharsets.UTF_8));
        for (KnownHostsLine line : file.lines()) {
            assertEquals(line.entry(), KnownHostsEntry.parse(line.entry().toLine()), "an entry does not read back");
        }
        HostAddress address;
        try {
            address = new HostAddress(host, port);
        } catch (IllegalArgumentException notAHost) {
            return;
        }
        boolean fromFile = (choice & 1) == 1 && !file.lines().isEmpty();
        byte[] blob = fromFile ? file.lines().get(choice % file.lines().size()).entry().key().blob() : ownBlob;
        String keyType = fromFile ? file.lines().get(choice % file.lines().size()).entry().key().keyType() : "ssh-ed25519";
        KnownHostsLookup answer = file.lookup(address, keyType, blob);
        assertEquals(answer.status() == HostKeyStatus.UNKNOWN, answer.lines().isEmpty(), "UNKNOWN goes with no lines");
        for (KnownHostsLine line : answer.lines()) {
            KnownHostsEntry entry = line.entry();
            assertTrue(entry.matches(address), "a line about another host");
            boolean same = entry.key().sameKey(blob);
            switch (answer.status()) {
                case REVOKED -> assertTrue(entry.marker() == KnownHostsMarker.REVOKED && same, "not a revocation");
                case MATCH -> assertTrue(entry.marker() == KnownHostsMarker.NONE && same, "not this key");
                case MISMATCH -> assertTrue(!same && entry.key().keyType().equals(keyType), "not a rival key");
                default -> throw new AssertionError("lines for " + answer.status());
            }
        }
    }
}
