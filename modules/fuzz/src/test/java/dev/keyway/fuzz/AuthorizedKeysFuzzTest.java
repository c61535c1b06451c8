package dev.keyway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyway.keys.AuthorizedKey;
import dev.keyway.keys.AuthorizedKeys;
import java.nio.charset.StandardCharsets;

/**
 * {@link AuthorizedKeys#parse} on any text (sshd(8) AUTHORIZED_KEYS FILE FORMAT): it never
 * throws, it finds no more keys and problems than there are lines, and each key, written back
 * as options and key, reads as the same key with the same options.
 */
class AuthorizedKeysFuzzTest {

    @FuzzTest
    void authorizedKeysFile(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        AuthorizedKeys file = AuthorizedKeys.parse(text);
        long lines = text.lines().count();
        assertTrue(file.keys().size() + file.problems().size() <= lines, "more entries than lines");
        for (AuthorizedKey key : file.keys()) {
            String options = key.options().toText();
            String line = options.isEmpty() ? key.key().toLine() : options + " " + key.key().toLine();
            AuthorizedKeys again = AuthorizedKeys.parse(line);
            assertEquals(1, again.keys().size(), () -> "\"" + line + "\" does not read back: " + again.problems());
            assertEquals(key.options(), again.keys().get(0).options(), "options changed");
            assertEquals(key.key(), again.keys().get(0).key(), "key changed");
        }
    }
}
