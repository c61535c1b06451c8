package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.auth.LoginRestrictions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The options field read as sshd(8) reads it, each option and each way a line fails. */
class AuthorizedKeyOptionsTest {

    private static LoginRestrictions restrictions(String options) throws LineFormatException {
        return AuthorizedKeyOptions.parse(options).restrictions();
    }

    private static String refusal(String options) {
        return assertThrows(LineFormatException.class, () -> AuthorizedKeyOptions.parse(options)).getMessage();
    }

    @Test
    void noOptionsRestrictNothing() throws Exception {
        assertEquals(AuthorizedKeyOptions.NONE, AuthorizedKeyOptions.parse(""));
        assertEquals("", AuthorizedKeyOptions.NONE.toText());
    }

    @Test
    void flagsTurnThingsOffAndNamesIgnoreCase() throws Exception {
        LoginRestrictions r = restrictions("NO-PTY,no-port-forwarding,No-Agent-Forwarding,no-X11-forwarding");
        assertEquals(new LoginRestrictions(null, false, false, false, false, Map.of(), List.of(), List.of()), r);
    }

    @Test
    void restrictTurnsEverythingOffAndLaterFlagsTurnThingsBackOn() throws Exception {
        assertEquals(new LoginRestrictions(null, false, false, false, false, Map.of(), List.of(), List.of()),
                restrictions("restrict"));
        LoginRestrictions r = restrictions("restrict,pty,x11-forwarding,user-rc");
        assertTrue(r.pty());
        assertTrue(r.x11Forwarding());
        assertFalse(r.portForwarding());
        assertFalse(r.agentForwarding());
        // Left to right: restrict after pty takes it away again.
        assertFalse(restrictions("pty,restrict").pty());
        assertTrue(restrictions("restrict,port-forwarding,agent-forwarding").portForwarding());
    }

    @Test
    void userRcIsTakenAndRestrictsNothingKeywayDoes() throws Exception {
        assertEquals(LoginRestrictions.NONE, restrictions("no-user-rc"));
        assertEquals(LoginRestrictions.NONE, restrictions("user-rc"));
    }

    @Test
    void commandIsUnquotedWithBackslashQuoteForAQuote() throws Exception {
        assertEquals("echo \"hi there\"", restrictions("command=\"echo \\\"hi there\\\"\"").forcedCommand());
        // Any other backslash stands for itself, as in sshd's opt_dequote.
        assertEquals("printf '%s\\n' a,b", restrictions("Command=\"printf '%s\\n' a,b\",no-pty").forcedCommand());
        assertEquals("", restrictions("command=\"\"").forcedCommand());
    }

    @Test
    void environmentKeepsTheFirstValueOfAName() throws Exception {
        LoginRestrictions r = restrictions(
                "environment=\"A_1=x=y\",environment=\"B=\",environment=\"A_1=later\",environment=\"9=nine\"");
        assertEquals(Map.of("A_1", "x=y", "B", "", "9", "nine"), r.environment());
    }

    @Test
    void permissionsAreCheckedAndKeptAsWritten() throws Exception {
        LoginRestrictions r = restrictions("permitopen=\"192.0.2.1:80\",permitopen=\"[::1]:*\",permitopen=\"h/22\","
                + "permitlisten=\"8080\",permitlisten=\"localhost:0022\"");
        assertEquals(List.of("192.0.2.1:80", "[::1]:*", "h/22"), r.permitOpen());
        assertEquals(List.of("8080", "localhost:0022"), r.permitListen());
        assertTrue(refusal("permitopen=\"host\"").contains("host:port"));
        assertTrue(refusal("permitopen=\"[::1]\"").contains("host:port"));
        assertTrue(refusal("permitopen=\"[::1\"").contains("host:port"));
        assertTrue(refusal("permitopen=\"host:0\"").contains("port"));
        assertTrue(refusal("permitopen=\"host:65536\"").contains("port"));
        assertTrue(refusal("permitlisten=\"ssh\"").contains("port"));
    }

    @Test
    void fromAndExpiryTimeDecideWhenTheKeyMayBeUsed() throws Exception {
        AuthorizedKeyOptions o = AuthorizedKeyOptions.parse(
                "from=\"10.0.0.0/8\",expiry-time=\"20300101\",expiry-time=\"20290101Z\"");
        assertEquals("10.0.0.0/8", o.from().toString());
        assertEquals(List.of(ExpiryTime.parse("20300101"), ExpiryTime.parse("20290101Z")), o.expiryTimes());
        assertEquals(LoginRestrictions.NONE, o.restrictions());
    }

    @Test
    void emptyOptionsBetweenCommasAreTakenAsSshdTakesThem() throws Exception {
        assertFalse(restrictions(",no-pty,,").pty());
    }

    @Test
    void unknownOptionsFailTheLineAndNameOnlyTheOption() {
        assertEquals("unknown option \"frobnicate\"", refusal("no-pty,frobnicate"));
        assertEquals("unknown option \"secret=\"", refusal("secret=\"do not show\""));
        assertEquals("unknown option \"no-restrict\"", refusal("no-restrict"));
        assertEquals("unknown option \"ptyx\"", refusal("ptyx"));
        assertEquals("unknown option \"pty=\"", refusal("pty=\"yes\""));
        assertEquals("unknown option \"command\"", refusal("command"));
        assertTrue(refusal("from=\"10.0.0.1\"junk").contains("after an option"));
    }

    @Test
    void optionsKeywayCannotApplyYetFailTheLine() {
        for (String option : List.of("cert-authority", "principals=\"alice\"", "tunnel=\"0\"", "no-touch-required",
                "touch-required", "verify-required", "no-verify-required")) {
            assertTrue(refusal("no-pty," + option).startsWith("Keyway does not support the option "), option);
        }
    }

    @Test
    void malformedValuesFailTheLineWithoutShowingThem() {
        assertTrue(refusal("command=echo").contains("opening quote"));
        assertTrue(refusal("command=\"echo secret").contains("closing quote"));
        assertFalse(refusal("command=\"echo secret").contains("secret"));
        assertTrue(refusal("command=\"a\",command=\"b\"").contains("twice"));
        assertTrue(refusal("from=\"*\",from=\"*\"").contains("twice"));
        assertTrue(refusal("environment=\"NOEQUALS\"").contains("NAME=value"));
        assertTrue(refusal("environment=\"A-B=1\"").contains("NAME=value"));
        assertTrue(refusal("environment=\"=1\"").contains("NAME=value"));
        assertTrue(refusal("expiry-time=\"2030\"").contains("YYYYMMDD"));
        assertTrue(refusal("from=\"\"").contains("empty pattern"));
    }

    @Test
    void textParsesBackToTheSameOptions() throws Exception {
        String written = "restrict,pty,command=\"say \\\"hi\\\" \\\\o/\",environment=\"LANG=C\",from=\"!10.0.0.1,*\","
                + "expiry-time=\"209901011200Z\",permitopen=\"h:1\",permitlisten=\"2\"";
        AuthorizedKeyOptions o = AuthorizedKeyOptions.parse(written);
        assertEquals(o, AuthorizedKeyOptions.parse(o.toText()));
        assertEquals("no-port-forwarding,no-agent-forwarding,no-X11-forwarding,command=\"say \\\"hi\\\" \\\\o/\","
                + "environment=\"LANG=C\",from=\"!10.0.0.1,*\",expiry-time=\"20990101120000Z\",permitopen=\"h:1\","
                + "permitlisten=\"2\"", o.toText());
    }
}
