package dev.keyway.keys.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Address text as getaddrinfo(AI_NUMERICHOST) reads it and inet_ntop writes it. */
class IpAddressTextTest {

    private static byte[] bytes(String literal) throws Exception {
        return InetAddress.getByName(literal).getAddress();
    }

    @Test
    void ipv4InTheFormsOfInetAton() throws Exception {
        assertArrayEquals(bytes("192.0.2.1"), IpAddressText.parse("192.0.2.1"));
        assertArrayEquals(bytes("127.0.0.1"), IpAddressText.parse("127.1"));
        assertArrayEquals(bytes("127.0.0.1"), IpAddressText.parse("0x7F.0.0.01"));
        assertArrayEquals(bytes("10.0.1.2"), IpAddressText.parse("10.258"));
        assertArrayEquals(bytes("8.0.0.1"), IpAddressText.parse("010.0.0.1"));
        assertArrayEquals(bytes("255.255.255.255"), IpAddressText.parse("4294967295"));
        for (String none : new String[] {"", "1.2.3.4.5", "256.0.0.1", "1.2.3.256", "1..2", "1.2.", "08.0.0.1", "0x",
                "4294967296", "1.16777216", "a.b.c.d", "+1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "١.٢.٣.٤"}) {
            assertNull(IpAddressText.parse(none), none);
        }
    }

    @Test
    void ipv6InTheFormsOfInetPton() throws Exception {
        assertArrayEquals(bytes("::1"), IpAddressText.parse("::1"));
        assertArrayEquals(new byte[16], IpAddressText.parse("::"));
        assertArrayEquals(bytes("2001:db8::ff00:42:8329"), IpAddressText.parse("2001:0DB8:0000:0000:0000:ff00:0042:8329"));
        assertArrayEquals(bytes("1::"), IpAddressText.parse("1::"));
        byte[] mapped = IpAddressText.parse("::ffff:192.0.2.1");
        assertEquals(16, mapped.length);
        assertEquals((byte) 0xff, mapped[10]);
        for (String none : new String[] {":", ":::", "1:::2", "1::2::3", ":1::", "1:", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
                "1::2:3:4:5:6:7:8", "12345::", "g::", "::1.2.3", "::01.2.3.4", "::1.2.3.4:5", "1.2.3.4::"}) {
            assertNull(IpAddressText.parse(none), none);
        }
    }

    @Test
    void formatsAsInetNtop() throws Exception {
        assertEquals("192.0.2.1", IpAddressText.format(bytes("192.0.2.1")));
        assertEquals("::1", IpAddressText.format(bytes("::1")));
        assertEquals("::", IpAddressText.format(new byte[16]));
        assertEquals("2001:db8::1", IpAddressText.format(bytes("2001:db8:0:0:0:0:0:1")));
        assertEquals("2001:db8:0:1:1:1:1:1", IpAddressText.format(bytes("2001:db8:0:1:1:1:1:1")));
        assertEquals("2001:0:0:1::1", IpAddressText.format(bytes("2001:0:0:1:0:0:0:1")));
        assertEquals("1::", IpAddressText.format(bytes("1::")));
        assertEquals("::ffff:192.0.2.1", IpAddressText.format(IpAddressText.parse("::ffff:192.0.2.1")));
        assertEquals("::192.0.2.1", IpAddressText.format(IpAddressText.parse("::192.0.2.1")));
    }

    @Property(tries = 500)
    void formattedAddressesParseBack(@ForAll @Size(4) byte[] v4, @ForAll @Size(16) byte[] v6, @ForAll boolean zeros) {
        if (zeros) {
            // Runs of zero words are what the compression is about.
            java.util.Arrays.fill(v6, 4, 12, (byte) 0);
        }
        assertArrayEquals(v4, IpAddressText.parse(IpAddressText.format(v4)));
        assertArrayEquals(v6, IpAddressText.parse(IpAddressText.format(v6)));
    }
}
