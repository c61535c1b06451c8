package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The laws of the options codec: any text is either options or a {@link LineFormatException}
 * (never another exception), and options written out read back as the same options.
 */
class AuthorizedKeyOptionsPropertiesTest {
    private static final List<String> NAMES = List.of("restrict", "pty", "no-pty", "port-forwarding",
            "no-port-forwarding", "agent-forwarding", "no-agent-forwarding", "X11-forwarding", "no-x11-forwarding",
            "user-rc", "no-user-rc", "cert-authority", "no-touch-required", "verify-required", "frob", "no-");
    private static final List<String> VALUED = List.of("command", "environment", "from", "expiry-time",
            "permitopen", "permitlisten", "principals", "tunnel", "Command", "FROM", "bogus");

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab =,\"\\!*?/.:09[]%-_zZ").ofMaxLength(16),
                Arbitraries.of("LANG=C", "A_1=x=y", "10.0.0.0/8", "!127.0.0.1,*", "::1/128", "127.1", "20300101",
                        "203001011200Z", "20300231UTC", "host:22", "[::1]:*", "8080", "echo \\\"hi\\\"", "a\\b"));
    }

    @Provide
    Arbitrary<String> options() {
        Arbitrary<String> valued = Combinators.combine(Arbitraries.of(VALUED), values(), Arbitraries.of("\"", ""))
                .as((name, value, close) -> name + "=\"" + value + close);
        Arbitrary<String> one = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(NAMES)),
                net.jqwik.api.Tuple.of(4, valued),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(8)));
        return one.list().ofMaxSize(6).map(l -> String.join(",", l));
    }

    @Property(tries = 2000)
    void anyTextIsOptionsOrAReportedProblem(@ForAll("options") String text) throws UnknownHostException {
        try {
            AuthorizedKeyOptions o = AuthorizedKeyOptions.parse(text);
            o.allows(InetAddress.getByName("192.0.2.1"), java.time.Instant.EPOCH, java.time.ZoneOffset.UTC);
            o.allows(null, java.time.Instant.EPOCH, java.time.ZoneId.of("Europe/Paris"));
        } catch (LineFormatException reported) {
            // The one failure a line may cause.
        }
    }

    @Property(tries = 2000)
    void optionsWrittenOutReadBackTheSame(@ForAll("options") String text) throws LineFormatException {
        AuthorizedKeyOptions parsed;
        try {
            parsed = AuthorizedKeyOptions.parse(text);
        } catch (LineFormatException notOptions) {
            return;
        }
        AuthorizedKeyOptions again = AuthorizedKeyOptions.parse(parsed.toText());
        assertEquals(parsed, again);
        assertEquals(parsed.toText(), again.toText());
    }

    @Property(tries = 1000)
    void anyPatternListParsesOrIsReportedAndMatchesAnyAddress(@ForAll("values") String list,
            @ForAll @Size(4) byte[] v4, @ForAll @Size(16) byte[] v6) throws UnknownHostException {
        try {
            AddressPatterns patterns = AddressPatterns.parse(list);
            patterns.matches(InetAddress.getByAddress(v4));
            patterns.matches(InetAddress.getByAddress(v6));
        } catch (LineFormatException reported) {
            // Refused as sshd would refuse every client with it.
        }
    }

    @Property(tries = 300)
    void whatAWildcardFreeAddressPatternNamesItMatches(@ForAll @Size(4) byte[] v4, @ForAll @Size(16) byte[] v6)
            throws Exception {
        for (byte[] raw : List.of(v4, v6)) {
            InetAddress a = InetAddress.getByAddress(raw);
            String text = dev.keyway.keys.internal.IpAddressText.format(a.getAddress());
            assertEquals(true, AddressPatterns.parse(text).matches(a), text);
            assertEquals(false, AddressPatterns.parse("*,!" + text).matches(a), text);
        }
    }
}
