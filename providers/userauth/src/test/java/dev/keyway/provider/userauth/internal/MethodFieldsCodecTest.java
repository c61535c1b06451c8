package dev.keyway.provider.userauth.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.wire.SshReader;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.Size;

/** Round trips and truncations of the password and publickey request fields (RFC 4252 §7, §8). */
class MethodFieldsCodecTest {

    @Property
    void passwordFieldsRoundTrip(@ForAll byte[] password, @ForAll boolean change, @ForAll byte[] newPassword) {
        PasswordFields fields = new PasswordFields(password, change ? newPassword : null);
        PasswordFields back = decodePassword(fields.encode());
        assertArrayEquals(password, back.password());
        assertEquals(change, back.isChange());
        if (change) {
            assertArrayEquals(newPassword, back.newPassword());
        }
    }

    @Property
    void truncatedPasswordFieldsAreRefused(@ForAll @Size(max = 40) byte[] password,
            @ForAll @IntRange(min = 1, max = 45) int cut) {
        byte[] wire = new PasswordFields(password, null).encode();
        byte[] shorter = Arrays.copyOf(wire, Math.max(0, wire.length - cut));
        assertThrows(SshProtocolException.class, () -> PasswordFields.decode(new SshReader(shorter)));
    }

    @Property
    void publicKeyFieldsRoundTrip(@ForAll @AlphaChars @NotBlank String algorithm, @ForAll byte[] blob,
            @ForAll boolean signed, @ForAll byte[] signature) {
        PublicKeyFields fields = new PublicKeyFields(algorithm, blob, signed ? signature : null);
        PublicKeyFields back = decodePublicKey(fields.encode());
        assertEquals(algorithm, back.algorithm());
        assertArrayEquals(blob, back.keyBlob());
        assertEquals(signed, back.isSigned());
        if (signed) {
            assertArrayEquals(signature, back.signature());
        }
    }

    @Property
    void truncatedPublicKeyFieldsAreRefused(@ForAll @Size(max = 40) byte[] blob, @ForAll boolean signed,
            @ForAll @IntRange(min = 1, max = 60) int cut) {
        byte[] wire = new PublicKeyFields("ssh-ed25519", blob, signed ? new byte[3] : null).encode();
        byte[] shorter = Arrays.copyOf(wire, Math.max(0, wire.length - cut));
        assertThrows(SshProtocolException.class, () -> PublicKeyFields.decode(new SshReader(shorter)));
    }

    @Property
    void trailingBytesAreRefused(@ForAll @Size(min = 1, max = 8) byte[] extra) {
        byte[] wire = PublicKeyFields.query("ssh-ed25519", new byte[4]).encode();
        byte[] longer = Arrays.copyOf(wire, wire.length + extra.length);
        System.arraycopy(extra, 0, longer, wire.length, extra.length);
        assertThrows(SshProtocolException.class, () -> PublicKeyFields.decode(new SshReader(longer)));
    }

    private static PasswordFields decodePassword(byte[] wire) {
        try {
            return PasswordFields.decode(new SshReader(wire));
        } catch (SshProtocolException e) {
            throw new AssertionError(e);
        }
    }

    private static PublicKeyFields decodePublicKey(byte[] wire) {
        try {
            return PublicKeyFields.decode(new SshReader(wire));
        } catch (SshProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
