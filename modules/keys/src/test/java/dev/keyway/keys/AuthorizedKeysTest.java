package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizedKeysTest {
    private static final OpenSshPublicKey A = TestKeys.ED25519_A;
    private static final OpenSshPublicKey EC = TestKeys.ECDSA;

    @Test
    void readsKeysWithAndWithoutOptionsAndReportsBadLines() {
        String text = String.join("\n",
                "# my keys",
                "",
                A.toLine() + " laptop",
                "from=\"10.0.0.0/8,*.example.org\",command=\"echo \\\"hi there\\\"\",no-pty " + EC.toLine() + " ci",
                "not a key at all",
                "no-pty,command=\"unterminated " + A.toLine(),
                "restrict\t" + A.toLine());
        AuthorizedKeys parsed = AuthorizedKeys.parse(text);

        assertEquals(List.of(3, 4, 7), parsed.keys().stream().map(AuthorizedKey::lineNumber).toList());
        AuthorizedKey first = parsed.keys().get(0);
        assertEquals(AuthorizedKeyOptions.NONE, first.options());
        assertEquals("laptop", first.key().comment());
        AuthorizedKey second = parsed.keys().get(1);
        assertEquals("10.0.0.0/8,*.example.org", second.options().from().toString());
        assertEquals("echo \"hi there\"", second.options().restrictions().forcedCommand());
        assertFalse(second.options().restrictions().pty());
        assertEquals(EC.keyType(), second.key().keyType());
        assertEquals("ci", second.key().comment());
        assertFalse(parsed.keys().get(2).options().restrictions().portForwarding());
        assertEquals(List.of(5, 6), parsed.problems().stream().map(LineProblem::lineNumber).toList());
    }

    @Test
    void aLineWithAnOptionKeywayCannotApplyIsSkippedWithTheReasonAndNoValue() {
        AuthorizedKeys parsed = AuthorizedKeys.parse(String.join("\n",
                "cert-authority " + A.toLine(),
                "no-pty,frobnicate " + A.toLine(),
                "command=\"secret-token\",bogus=\"x\" " + A.toLine(),
                "from=\"10.0.0.1/8\" " + A.toLine(),
                "no-pty, " + EC.toLine()));
        assertEquals(List.of(5), parsed.keys().stream().map(AuthorizedKey::lineNumber).toList());
        assertEquals(List.of("line 1: Keyway does not support the option cert-authority yet",
                "line 2: unknown option \"frobnicate\"", "line 3: unknown option \"bogus=\"",
                "line 4: from= has a network with bits set past its mask: 10.0.0.1/8"),
                parsed.problems().stream().map(LineProblem::toString).toList());
    }
}
