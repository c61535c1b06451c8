package dev.keyway.provider.userauth.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.InteractivePrompt;
import dev.keyway.api.auth.InteractiveRound;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** SSH_MSG_USERAUTH_INFO_REQUEST and INFO_RESPONSE (RFC 4256 §3.2, §3.4). */
class InteractiveCodecTest {

    @Provide
    Arbitrary<InteractiveRound> rounds() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(30);
        Arbitrary<InteractivePrompt> prompt = Combinators.combine(text, Arbitraries.of(true, false))
                .as(InteractivePrompt::new);
        return Combinators.combine(text, text, prompt.list().ofMaxSize(5)).as(InteractiveRound::new);
    }

    @Provide
    Arbitrary<List<char[]>> answers() {
        return Arbitraries.strings().ofMaxLength(20).map(String::toCharArray).list().ofMaxSize(5);
    }

    @Property
    void infoRequestRoundTrips(@ForAll("rounds") InteractiveRound round) throws SshProtocolException {
        assertEquals(round, InfoRequest.decode(InfoRequest.encode(round)));
    }

    @Property
    void truncatedInfoRequestIsRefused(@ForAll("rounds") InteractiveRound round,
            @ForAll @IntRange(min = 1, max = 200) int cut) {
        byte[] wire = InfoRequest.encode(round);
        byte[] shorter = Arrays.copyOf(wire, Math.max(0, wire.length - cut));
        assertThrows(SshProtocolException.class, () -> InfoRequest.decode(shorter));
    }

    @Property
    void infoResponseRoundTrips(@ForAll("answers") List<char[]> answers) throws SshProtocolException {
        // Lone surrogates are not UTF-8; the encoder replaces them, so compare what was sent.
        List<char[]> back = InfoResponse.decode(InfoResponse.encode(answers));
        assertEquals(answers.size(), back.size());
        for (int i = 0; i < answers.size(); i++) {
            assertArrayEquals(SecretText.encode(answers.get(i)), SecretText.encode(back.get(i)));
        }
    }

    @Property
    void truncatedInfoResponseIsRefused(@ForAll("answers") List<char[]> answers,
            @ForAll @IntRange(min = 1, max = 200) int cut) {
        byte[] wire = InfoResponse.encode(answers);
        byte[] shorter = Arrays.copyOf(wire, Math.max(0, wire.length - cut));
        assertThrows(SshProtocolException.class, () -> InfoResponse.decode(shorter));
    }

    @Property
    void hugeCountsAreRefusedBeforeAllocating(@ForAll @Size(max = 16) byte[] tail) {
        byte[] wire = new byte[5 + tail.length];
        wire[0] = (byte) MethodMessages.INFO_RESPONSE;
        wire[1] = wire[2] = wire[3] = wire[4] = (byte) 0x7f;
        System.arraycopy(tail, 0, wire, 5, tail.length);
        assertThrows(SshProtocolException.class, () -> InfoResponse.decode(wire));
    }

    @Property
    void randomBytesGiveOnlyProtocolErrors(@ForAll @Size(max = 64) byte[] junk) {
        for (byte first : new byte[] {60, 61}) {
            byte[] wire = junk.clone();
            if (wire.length > 0) {
                wire[0] = first;
            }
            try {
                InfoRequest.decode(wire);
                InfoResponse.decode(wire);
            } catch (SshProtocolException expected) {
                // the only failure allowed
            }
        }
    }
}
