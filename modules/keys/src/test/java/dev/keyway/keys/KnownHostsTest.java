package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsTest {
    private static final OpenSshPublicKey A = TestKeys.ED25519_A;
    private static final OpenSshPublicKey B = TestKeys.ED25519_B;
    private static final OpenSshPublicKey EC = TestKeys.ECDSA;

    @TempDir
    Path dir;

    private static KnownHostsLookup lookup(String file, HostAddress host, OpenSshPublicKey key) {
        return KnownHosts.parse(file).lookup(host, key.keyType(), key.blob());
    }

    private static String line(String hosts, OpenSshPublicKey key) {
        return hosts + " " + key.toLine() + "\n";
    }

    @Test
    void plainNamesAliasesAndPorts() {
        String file = line("example.org,alias,192.0.2.1", A) + line("[example.org]:2222", B);
        assertEquals(HostKeyStatus.MATCH, lookup(file, HostAddress.of("alias"), A).status());
        assertEquals(HostKeyStatus.MATCH, lookup(file, HostAddress.of("EXAMPLE.org"), A).status());
        assertEquals(HostKeyStatus.MATCH, lookup(file, new HostAddress("example.org", 2222), B).status());
        // The port is part of the name: port 2222's key says nothing about port 22, and back.
        assertEquals(HostKeyStatus.MISMATCH, lookup(file, HostAddress.of("example.org"), B).status());
        assertEquals(HostKeyStatus.UNKNOWN, lookup(file, new HostAddress("example.org", 2200), A).status());
        assertEquals(HostKeyStatus.UNKNOWN, lookup(file, HostAddress.of("other"), A).status());
    }

    @Test
    void wildcardsAndNegation() {
        String file = line("*.example.org,!bad.example.org,host?", A);
        assertEquals(HostKeyStatus.MATCH, lookup(file, HostAddress.of("www.example.org"), A).status());
        assertEquals(HostKeyStatus.MATCH, lookup(file, HostAddress.of("host7"), A).status());
        assertEquals(HostKeyStatus.UNKNOWN, lookup(file, HostAddress.of("bad.example.org"), A).status());
        assertEquals(HostKeyStatus.UNKNOWN, lookup(file, HostAddress.of("host77"), A).status());
        assertEquals(HostKeyStatus.UNKNOWN, lookup(file, HostAddress.of("example.org"), A).status());
    }

    @Test
    void mismatchNeedsTheSameKeyTypeAndNamesTheOffendingLines() {
        String file = "# comment\n\n" + line("h", B) + line("h", EC);
        KnownHostsLookup changed = lookup(file, HostAddress.of("h"), A);
        assertEquals(HostKeyStatus.MISMATCH, changed.status());
        assertEquals(List.of(3), changed.lines().stream().map(KnownHostsLine::number).toList());
        // Only an ECDSA key is known for g: an Ed25519 key is simply new.
        assertEquals(HostKeyStatus.UNKNOWN, lookup(line("g", EC), HostAddress.of("g"), A).status());
    }

    @Test
    void aRevokedKeyIsRevokedEvenWhenAlsoListedAsTheHostsKey() {
        String file = line("h", A) + "@revoked * " + A.toLine() + "\n";
        KnownHostsLookup result = lookup(file, HostAddress.of("h"), A);
        assertEquals(HostKeyStatus.REVOKED, result.status());
        assertEquals(2, result.lines().get(0).number());
        // Revocation is of a key, not of a host: another key of the host is still fine.
        assertEquals(HostKeyStatus.MATCH, lookup(line("h", B) + "@revoked * " + A.toLine(), HostAddress.of("h"), B)
                .status());
    }

    @Test
    void certAuthorityLinesAreNeverHostKeysAndAreReported() {
        String file = "@cert-authority *.example.org " + A.toLine() + "\n";
        KnownHosts parsed = KnownHosts.parse(file);
        assertEquals(1, parsed.lines().size());
        assertEquals(1, parsed.problems().size());
        assertEquals(HostKeyStatus.UNKNOWN, parsed.lookup(HostAddress.of("www.example.org"), A.keyType(), A.blob())
                .status());
    }

    @Test
    void malformedLinesAreReportedByNumberAndTheRestIsUsed() {
        String file = "garbage\n" + line("h", A) + "h ssh-ed25519 !!!notbase64\n@bogus h " + A.toLine() + "\n"
                + "|1|short|hash " + A.toLine() + "\n" + "h ssh-rsa " + A.toLine().split(" ")[1] + "\n";
        KnownHosts parsed = KnownHosts.parse(file);
        assertEquals(List.of(1, 3, 4, 5, 6), parsed.problems().stream().map(LineProblem::lineNumber).toList());
        assertEquals(HostKeyStatus.MATCH, parsed.lookup(HostAddress.of("h"), A.keyType(), A.blob()).status());
    }

    @Test
    void hashedEntriesMatchOnlyTheirName() {
        KnownHostsEntry plain = KnownHostsFile.entryFor(HostAddress.of("h.example"), A, true);
        assertTrue(plain.isHashed());
        assertTrue(plain.matches(HostAddress.of("H.Example")));
        assertFalse(plain.matches(HostAddress.of("h.example2")));
        KnownHostsEntry ported = KnownHostsFile.entryFor(new HostAddress("h.example", 2222), A, true);
        assertTrue(ported.matches(new HostAddress("h.example", 2222)));
        assertFalse(ported.matches(HostAddress.of("h.example")));
    }

    @Test
    void appendingCreatesTheFileAndNeverTouchesOtherLines() throws Exception {
        Path file = dir.resolve("sub/known_hosts");
        KnownHostsFile known = new KnownHostsFile(file);
        assertEquals(KnownHosts.empty(), known.load());
        known.append(HostAddress.of("one"), A, false);
        // A last line without its line break must not be merged with the new line.
        Files.writeString(file, "# kept as is, no newline", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String before = Files.readString(file);
        KnownHostsEntry added = known.append(new HostAddress("two", 2022), B, true);
        String after = Files.readString(file);
        assertTrue(after.startsWith(before));
        assertEquals(before + "\n" + added.toLine() + "\n", after);
        KnownHosts loaded = known.load();
        assertEquals(List.of(), loaded.problems());
        assertEquals(HostKeyStatus.MATCH, loaded.lookup(new HostAddress("two", 2022), B.keyType(), B.blob()).status());
        assertEquals(HostKeyStatus.MATCH, loaded.lookup(HostAddress.of("one"), A.keyType(), A.blob()).status());
    }
}
