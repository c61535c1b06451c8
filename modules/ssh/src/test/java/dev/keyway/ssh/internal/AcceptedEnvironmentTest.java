package dev.keyway.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** AcceptEnv patterns (sshd_config(5) PATTERNS): {@code *} and {@code ?} are the only wildcards. */
class AcceptedEnvironmentTest {
    private static final AcceptedEnvironment DEFAULT = new AcceptedEnvironment(AcceptedEnvironment.DEFAULT_PATTERNS);

    @Test
    void theDefaultTakesTheLocaleOnly() {
        assertTrue(DEFAULT.accepts("LANG", "", 0, 0));
        assertTrue(DEFAULT.accepts("LC_ALL", "", 0, 0));
        assertTrue(DEFAULT.accepts("LC_", "", 0, 0));
        assertFalse(DEFAULT.accepts("LD_PRELOAD", "", 0, 0));
        assertFalse(DEFAULT.accepts("PATH", "", 0, 0));
        assertFalse(DEFAULT.accepts("LANGUAGE", "", 0, 0), "a name is matched whole");
        assertFalse(DEFAULT.accepts("XLANG", "", 0, 0));
    }

    @Test
    void questionMarkIsOneCharacterAndOtherCharactersAreLiteral() {
        AcceptedEnvironment env = new AcceptedEnvironment(List.of("A?C", "X.Y"));
        assertTrue(env.accepts("ABC", "", 0, 0));
        assertFalse(env.accepts("AC", "", 0, 0));
        assertFalse(env.accepts("ABBC", "", 0, 0));
        assertTrue(env.accepts("X.Y", "", 0, 0));
        assertFalse(env.accepts("XZY", "", 0, 0), "'.' is not a wildcard");
    }

    @Property
    void aStarTakesAnyNameAndNothingIsTakenBeyondTheLimit(@ForAll @AlphaChars @StringLength(max = 40) String name) {
        AcceptedEnvironment any = new AcceptedEnvironment(List.of("*"));
        assertTrue(any.accepts(name, "v", AcceptedEnvironment.MAX_VARIABLES - 1, 0));
        assertFalse(any.accepts(name, "v", AcceptedEnvironment.MAX_VARIABLES, 0));
        assertFalse(new AcceptedEnvironment(List.of()).accepts(name, "v", 0, 0), "no pattern, no variable");
        assertFalse(any.accepts(name, "v".repeat(AcceptedEnvironment.MAX_BYTES + 1), 0, 0), "nor beyond the bytes");
        assertTrue(any.accepts(name, "v", 0, AcceptedEnvironment.MAX_BYTES - name.length() - 1));
    }
}
