package dev.keyway.userauth.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshWriter;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The generic user authentication messages (RFC 4252 §5, §5.1, §5.4) round-trip and refuse truncation. */
class MessageCodecTest {

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("none", "password", "publickey", "keyboard-interactive");
    }

    @Provide
    Arbitrary<byte[]> methodFields() {
        // The shapes each method puts after its name: none, password, publickey query, keyboard-interactive.
        return Arbitraries.oneOf(
                Arbitraries.just(new byte[0]),
                Arbitraries.strings().ofMaxLength(20).map(p -> new SshWriter().writeBoolean(false).writeUtf8(p).toByteArray()),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(60).map(blob -> new SshWriter().writeBoolean(false)
                        .writeUtf8("ssh-ed25519").writeString(blob).toByteArray()),
                Arbitraries.just(new SshWriter().writeUtf8("").writeUtf8("").toByteArray()));
    }

    @Provide
    Arbitrary<List<String>> nameLists() {
        return Arbitraries.strings().withCharRange('!', '~').excludeChars(',').ofMinLength(1).ofMaxLength(20)
                .list().ofMaxSize(5);
    }

    @Property
    void requestRoundTrips(@ForAll String user, @ForAll("methods") String method, @ForAll("methodFields") byte[] fields)
            throws SshProtocolException {
        byte[] wire = new UserAuthRequest(user, "ssh-connection", method, fields).encode();
        UserAuthRequest back = UserAuthRequest.decode(wire, 0, wire.length);
        assertEquals(user, back.user());
        assertEquals("ssh-connection", back.service());
        assertEquals(method, back.method());
        assertArrayEquals(fields, back.fields());
    }

    @Property
    void requestHeaderTruncationIsRefused(@ForAll String user, @ForAll("methods") String method,
            @ForAll @IntRange(min = 1, max = 200) int keep) {
        byte[] wire = new UserAuthRequest(user, "ssh-connection", method, new byte[0]).encode();
        byte[] shorter = Arrays.copyOf(wire, Math.min(keep, wire.length) - 1);
        assertThrows(SshProtocolException.class, () -> UserAuthRequest.decode(shorter, 0, shorter.length));
    }

    @Property
    void failureRoundTrips(@ForAll("nameLists") List<String> methods, @ForAll boolean partial)
            throws SshProtocolException {
        byte[] wire = new FailureMessage(methods, partial).encode();
        assertEquals(new FailureMessage(methods, partial), FailureMessage.decode(wire, 0, wire.length));
    }

    @Property
    void failureTruncationIsRefused(@ForAll("nameLists") List<String> methods, @ForAll boolean partial,
            @ForAll @IntRange(min = 1, max = 200) int cut) {
        byte[] wire = new FailureMessage(methods, partial).encode();
        byte[] shorter = Arrays.copyOf(wire, Math.max(0, wire.length - cut));
        assertThrows(SshProtocolException.class, () -> FailureMessage.decode(shorter, 0, shorter.length));
    }

    @Property
    void bannerRoundTripsAndRefusesTruncation(@ForAll String message, @ForAll @IntRange(min = 1, max = 50) int cut)
            throws SshProtocolException {
        byte[] wire = new BannerMessage(message, "en").encode();
        assertEquals(new BannerMessage(message, "en"), BannerMessage.decode(wire, 0, wire.length));
        byte[] shorter = Arrays.copyOf(wire, Math.max(0, wire.length - cut));
        assertThrows(SshProtocolException.class, () -> BannerMessage.decode(shorter, 0, shorter.length));
    }
}
