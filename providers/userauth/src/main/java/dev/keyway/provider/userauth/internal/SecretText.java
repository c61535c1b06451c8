package dev.keyway.provider.userauth.internal;

import dev.keyway.api.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Passwords and answers as UTF-8 (RFC 4252 §8, RFC 4256 §3.4) without passing through a
 * {@link String}, which could not be wiped. Every intermediate buffer is zeroed.
 */
final class SecretText {
    private SecretText() {
    }

    /**
     * The UTF-8 bytes of {@code secret}. The buffer is as large as the text can need, so the
     * encoder never outgrows it and leaves a copy behind.
     */
    static byte[] encode(char[] secret) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer buf = ByteBuffer.allocate((int) Math.ceil(secret.length * (double) encoder.maxBytesPerChar()));
        try {
            CoderResult result = encoder.encode(CharBuffer.wrap(secret), buf, true);
            if (result.isUnderflow()) {
                result = encoder.flush(buf);
            }
            if (!result.isUnderflow()) {
                throw new IllegalStateException("UTF-8 takes at most " + encoder.maxBytesPerChar() + " bytes a char");
            }
            return Arrays.copyOf(buf.array(), buf.position());
        } finally {
            Arrays.fill(buf.array(), (byte) 0);
        }
    }

    /** The characters of UTF-8 {@code bytes}; malformed UTF-8 is a wire format error. */
    static char[] decode(byte[] bytes) throws WireFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer buf = decoder.decode(ByteBuffer.wrap(bytes));
            char[] out = Arrays.copyOf(buf.array(), buf.limit());
            Arrays.fill(buf.array(), '\0');
            return out;
        } catch (CharacterCodingException e) {
            throw new WireFormatException("secret text is not valid UTF-8");
        }
    }

    static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }

    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    static void wipeAll(List<char[]> secrets) {
        secrets.forEach(SecretText::wipe);
    }
}
