package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** from= pattern-lists against client addresses, with the cases sshd was seen to decide. */
class AddressPatternsTest {

    private static boolean allows(String patterns, String client) throws Exception {
        return AddressPatterns.parse(patterns).matches(InetAddress.getByName(client));
    }

    private static String refusal(String patterns) {
        return assertThrows(LineFormatException.class, () -> AddressPatterns.parse(patterns)).getMessage();
    }

    @Test
    void addressesAndNetworks() throws Exception {
        assertTrue(allows("127.0.0.1", "127.0.0.1"));
        assertFalse(allows("10.9.9.9", "127.0.0.1"));
        assertTrue(allows("10.9.9.9,127.0.0.1", "127.0.0.1"));
        assertTrue(allows("127.0.0.0/8", "127.200.3.4"));
        assertFalse(allows("127.0.0.0/8", "128.0.0.1"));
        assertTrue(allows("0.0.0.0/0", "192.0.2.77"));
        assertTrue(allows("192.0.2.64/26", "192.0.2.127"));
        assertFalse(allows("192.0.2.64/26", "192.0.2.128"));
        assertTrue(allows("2001:db8::/32", "2001:db8:1::5"));
        assertFalse(allows("2001:db8::/32", "2001:db9::5"));
        assertTrue(allows("::1/128", "::1"));
        assertTrue(allows("0:0:0:0:0:0:0:1", "::1"));
    }

    @Test
    void aNegatedMatchRefusesWhateverElseMatches() throws Exception {
        assertFalse(allows("!127.0.0.1,*", "127.0.0.1"));
        assertFalse(allows("*,!127.0.0.0/8", "127.0.0.1"));
        assertTrue(allows("*,!127.0.0.0/8", "10.0.0.1"));
        // A negation alone allows nothing: something must match.
        assertFalse(allows("!10.0.0.1", "127.0.0.1"));
    }

    @Test
    void globsMatchTheAddressText() throws Exception {
        assertTrue(allows("127.0.0.*", "127.0.0.1"));
        assertTrue(allows("127.0.0.?", "127.0.0.1"));
        assertFalse(allows("127.0.0.?", "127.0.0.10"));
        assertTrue(allows("2001:DB8::*", "2001:db8::1"));
        assertFalse(allows("!192.0.2.*,*", "192.0.2.9"));
        // No reverse DNS, as sshd with UseDNS no: a name never matches.
        assertFalse(allows("localhost", "127.0.0.1"));
    }

    @Test
    void addressesInInetAtonsShorthandMeanWhatTheyMeanToSshd() throws Exception {
        assertTrue(allows("127.1", "127.0.0.1"));
        assertTrue(allows("0x7f.1", "127.0.0.1"));
        // Octal: 010 is 8, so this refuses 8.0.0.1 and not 10.0.0.1.
        assertFalse(allows("*,!010.0.0.1", "8.0.0.1"));
        assertTrue(allows("*,!010.0.0.1", "10.0.0.1"));
    }

    @Test
    void anIpv4MappedPatternIsNotTheIpv4Address() throws Exception {
        assertFalse(allows("::ffff:127.0.0.1", "127.0.0.1"));
    }

    @Test
    void maskLengthsAsStrtoulReadsThem() throws Exception {
        assertTrue(allows("127.0.0.0/ +8", "127.1.1.1"));
        assertTrue(allows("0.0.0.0/-0", "127.1.1.1"));
        // Not a number, or past 128: a glob to sshd, which matches no address.
        assertFalse(allows("127.0.0.0/x", "127.0.0.1"));
        assertFalse(allows("127.0.0.0/200", "127.0.0.1"));
        assertFalse(allows("127.0.0.0/-8", "127.0.0.1"));
        assertTrue(allows("127.0.0.0/200,127.0.0.1", "127.0.0.1"));
    }

    @Test
    void whatMakesSshdRefuseEveryClientDoesNotParse() {
        assertTrue(refusal("").contains("empty pattern"));
        assertTrue(refusal("127.0.0.1,").contains("empty pattern"));
        assertTrue(refusal("!").contains("empty pattern"));
        assertTrue(refusal("127.0.0.0/33").contains("longer than its address"));
        assertTrue(refusal("127.0.0.1/8").contains("bits set past its mask"));
        assertTrue(refusal("2001:db8::1/32").contains("bits set past its mask"));
        assertTrue(refusal("fe80::1%eth0").contains("scope"));
    }

    @Test
    void keepsItsTextAndComparesByIt() throws Exception {
        assertEquals("10.0.0.0/8,!10.1.*", AddressPatterns.parse("10.0.0.0/8,!10.1.*").toString());
        assertEquals(AddressPatterns.parse("*"), AddressPatterns.parse("*"));
    }
}
