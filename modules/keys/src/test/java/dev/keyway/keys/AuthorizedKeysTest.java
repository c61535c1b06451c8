package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("", first.options());
        assertEquals("laptop", first.key().comment());
        AuthorizedKey second = parsed.keys().get(1);
        assertEquals("from=\"10.0.0.0/8,*.example.org\",command=\"echo \\\"hi there\\\"\",no-pty", second.options());
        assertEquals(EC.keyType(), second.key().keyType());
        assertEquals("ci", second.key().comment());
        assertEquals("restrict", parsed.keys().get(2).options());
        assertEquals(List.of(5, 6), parsed.problems().stream().map(LineProblem::lineNumber).toList());
    }
}
