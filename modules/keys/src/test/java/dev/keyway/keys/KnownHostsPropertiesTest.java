package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KnownHostsPropertiesTest {

    @Provide
    Arbitrary<String> hostNames() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-.").ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<HostAddress> addresses() {
        return Combinators.combine(hostNames(), Arbitraries.oneOf(Arbitraries.just(22), Arbitraries.integers().between(1, 65535)))
                .as(HostAddress::new);
    }

    @Provide
    Arbitrary<String> hostFields() {
        Arbitrary<String> pattern = Combinators.combine(
                Arbitraries.of("", "!"),
                Arbitraries.strings().withChars("abcxyz019.-*?").ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("", ":2222"))
                .as((neg, name, port) -> port.isEmpty() ? neg + name : neg + "[" + name + "]" + port);
        return pattern.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(",", l));
    }

    @Provide
    Arbitrary<KnownHostsEntry> entries() {
        Arbitrary<OpenSshPublicKey> keys = Combinators.combine(
                Arbitraries.of(TestKeys.ED25519_A, TestKeys.ED25519_B, TestKeys.ECDSA),
                Arbitraries.strings().withChars("abc xyz@.#\t!").ofMaxLength(20))
                .as((k, comment) -> new OpenSshPublicKey(k.keyType(), k.blob(), comment));
        Arbitrary<String> hosts = Arbitraries.oneOf(hostFields(),
                addresses().map(a -> KnownHostsFile.entryFor(a, TestKeys.ED25519_A, true).hosts()));
        return Combinators.combine(Arbitraries.of(KnownHostsMarker.class), hosts, keys).as(KnownHostsEntry::new);
    }

    @Property(tries = 300)
    void aFormattedLineParsesBackToTheSameEntry(@ForAll("entries") KnownHostsEntry entry) throws Exception {
        assertEquals(entry, KnownHostsEntry.parse(entry.toLine()));
        assertEquals(entry.toLine(), KnownHostsEntry.parse(entry.toLine()).toLine());
    }

    @Property(tries = 200)
    void aHashedNameMatchesExactlyTheNameHashed(@ForAll("addresses") HostAddress hashed,
            @ForAll("addresses") HostAddress asked) {
        KnownHostsEntry entry = KnownHostsFile.entryFor(hashed, TestKeys.ED25519_A, true);
        assertEquals(hashed.knownHostsName().equals(asked.knownHostsName()), entry.matches(asked));
        assertEquals(true, entry.matches(hashed));
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> tokens = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("@revoked", "@cert-authority", "@", "|1|", "|", "ssh-ed25519", "ecdsa-sha2-nistp256",
                        TestKeys.ED25519_A.toLine().split(" ")[1], "AAAA", "=", "#", "!", "*", "[h]:22", ",", "\t",
                        "\n", "\r"));
        return tokens.list().ofMaxSize(8).map(l -> String.join(" ", l));
    }

    @Property(tries = 1000)
    void randomTextIsEitherAnEntryOrAReportedProblem(@ForAll("noise") String line) {
        try {
            KnownHostsEntry entry = KnownHostsEntry.parse(line);
            entry.matches(HostAddress.of("h"));
        } catch (LineFormatException reported) {
            // The one failure a line may cause.
        }
        KnownHosts file = KnownHosts.parse(line + "\n" + line);
        file.lookup(HostAddress.of("h"), "ssh-ed25519", new byte[0]);
        long contentLines = line.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).count();
        assertEquals(2 * contentLines, file.lines().size() + file.problems().stream()
                .filter(p -> !p.message().startsWith("@cert-authority")).count());
    }

    @Property(tries = 300)
    void authorizedKeysNeverThrowForRandomText(@ForAll("noise") String text) {
        AuthorizedKeys parsed = AuthorizedKeys.parse(text);
        assertEquals(List.of(), parsed.keys().stream().filter(k -> k.lineNumber() < 1).toList());
    }
}
