package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** known_hosts files go both ways between Keyway and the real ssh-keygen(1). */
class KnownHostsInteropTest {
    private static final OpenSshPublicKey A = TestKeys.ED25519_A;
    private static final OpenSshPublicKey EC = TestKeys.ECDSA;

    @TempDir
    Path dir;

    @Test
    void matchesNamesHashedBySshKeygen() throws Exception {
        SshKeygen keygen = SshKeygen.require(dir);
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "alpha.example,192.0.2.7 " + A.toLine() + "\n[beta.example]:2222 " + EC.toLine() + "\n",
                StandardCharsets.UTF_8);
        keygen.ok("-H", "-f", file.toString());

        KnownHosts hashed = new KnownHostsFile(file).load();
        assertEquals(List.of(), hashed.problems());
        // One hashed line per name: the alias list is split by ssh-keygen -H.
        assertEquals(3, hashed.lines().size());
        assertTrue(hashed.lines().stream().allMatch(l -> l.entry().isHashed()));
        assertEquals(HostKeyStatus.MATCH, hashed.lookup(HostAddress.of("alpha.example"), A.keyType(), A.blob()).status());
        assertEquals(HostKeyStatus.MATCH, hashed.lookup(HostAddress.of("192.0.2.7"), A.keyType(), A.blob()).status());
        assertEquals(HostKeyStatus.MATCH,
                hashed.lookup(new HostAddress("beta.example", 2222), EC.keyType(), EC.blob()).status());
        assertEquals(HostKeyStatus.UNKNOWN, hashed.lookup(HostAddress.of("beta.example"), EC.keyType(), EC.blob()).status());
        assertEquals(HostKeyStatus.UNKNOWN, hashed.lookup(HostAddress.of("gamma.example"), A.keyType(), A.blob()).status());
    }

    @Test
    void sshKeygenFindsPlainAndHashedEntriesKeywayAppended() throws Exception {
        SshKeygen keygen = SshKeygen.require(dir);
        KnownHostsFile known = new KnownHostsFile(dir.resolve("known_hosts"));
        known.append(HostAddress.of("plain.example"), A, false);
        KnownHostsEntry hashed = known.append(new HostAddress("hashed.example", 2022), EC, true);

        for (String name : List.of("plain.example", "[hashed.example]:2022")) {
            SshKeygen.Run found = keygen.run("-F", name, "-f", known.path().toString());
            assertEquals(0, found.exitCode(), () -> "ssh-keygen -F " + name + ": " + found.stdout() + found.stderr());
        }
        assertTrue(keygen.ok("-F", "[hashed.example]:2022", "-f", known.path().toString()).contains(hashed.toLine()));
        assertEquals(1, keygen.run("-F", "missing.example", "-f", known.path().toString()).exitCode());
    }
}
