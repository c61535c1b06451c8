package dev.keyway.keys.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * IP address text as the C library reads and writes it for sshd, so that an address pattern
 * means the same to Keyway: {@code getaddrinfo(3)} with {@code AI_NUMERICHOST} takes IPv4 in
 * the forms of {@code inet_aton(3)} ({@code a.b.c.d}, {@code a.b.c}, {@code a.b}, {@code a};
 * each part decimal, octal after a leading {@code 0} or hexadecimal after {@code 0x}, so
 * {@code 127.1} is 127.0.0.1 and {@code 010.0.0.1} is 8.0.0.1) and IPv6 in those of
 * {@code inet_pton(3)} (RFC 4291 §2.2); {@code inet_ntop(3)} writes an address back (RFC 5952
 * §4, but for the IPv4-compatible form it keeps). Scope identifiers ({@code %eth0}) are not
 * read here: a caller refuses them.
 */
public final class IpAddressText {
    private static final int IPV6_WORDS = 8;

    private IpAddressText() {
    }

    /** The address's bytes, 4 or 16, or null when the text is no address. */
    public static byte[] parse(String text) {
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    /**
     * The {@code inet_aton} forms: one to four parts; all but the last fill one byte each,
     * the last the bytes that remain.
     */
    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = cNumber(parts[i]);
            long limit = i < parts.length - 1 ? 0xff : 0xffffffffL >>> (8 * (parts.length - 1));
            if (values[i] < 0 || values[i] > limit) {
                return null;
            }
        }
        long word = values[parts.length - 1];
        for (int i = 0; i < parts.length - 1; i++) {
            word |= values[i] << (8 * (3 - i));
        }
        return new byte[] {(byte) (word >>> 24), (byte) (word >>> 16), (byte) (word >>> 8), (byte) word};
    }

    /** A number as C's {@code strtoul(s, &end, 0)} reads all of it, or -1; at most 32 bits. */
    private static long cNumber(String s) {
        int radix = 10;
        String digits = s;
        if (s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X"))) {
            radix = 16;
            digits = s.substring(2);
        } else if (s.length() > 1 && s.charAt(0) == '0') {
            radix = 8;
            digits = s.substring(1);
        }
        if (digits.isEmpty() || s.charAt(0) < '0' || s.charAt(0) > '9') {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int d = c < 0x80 ? Character.digit(c, radix) : -1;
            if (d < 0) {
                return -1;
            }
            value = value * radix + d;
            if (value > 0xffffffffL) {
                return -1;
            }
        }
        return value;
    }

    /** RFC 4291 §2.2: groups of one to four hex digits, one {@code ::}, an IPv4 tail. */
    private static byte[] parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = gap >= 0 ? words(text.substring(0, gap), false) : words(text, true);
        List<Integer> tail = gap >= 0 ? words(text.substring(gap + 2), true) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int given = head.size() + tail.size();
        if (gap >= 0 ? given > IPV6_WORDS - 1 : given != IPV6_WORDS) {
            return null;
        }
        byte[] address = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            putWord(address, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            putWord(address, IPV6_WORDS - tail.size() + i, tail.get(i));
        }
        return address;
    }

    /**
     * The 16-bit words of colon-separated groups; an empty text has none. A dotted IPv4
     * address may end the last part ({@code ::ffff:192.0.2.1}), as two words.
     */
    private static List<Integer> words(String text, boolean last) {
        List<Integer> words = new ArrayList<>();
        if (text.isEmpty()) {
            return words;
        }
        String[] groups = text.split(":", -1);
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (last && i == groups.length - 1 && g.indexOf('.') >= 0) {
                byte[] v4 = dottedQuad(g);
                if (v4 == null) {
                    return null;
                }
                words.add((v4[0] & 0xff) << 8 | v4[1] & 0xff);
                words.add((v4[2] & 0xff) << 8 | v4[3] & 0xff);
            } else if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
                return null;
            } else {
                words.add(Integer.parseInt(g, 16));
            }
        }
        return words;
    }

    /** {@code inet_pton}'s IPv4: four decimal parts up to 255, no leading zero. */
    private static byte[] dottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
                return null;
            }
            out[i] = (byte) Integer.parseInt(p);
        }
        return out;
    }

    private static void putWord(byte[] address, int index, int word) {
        address[2 * index] = (byte) (word >>> 8);
        address[2 * index + 1] = (byte) word;
    }

    /**
     * The text {@code inet_ntop(3)} gives: dotted decimal for IPv4; for IPv6, lower-case hex
     * words without leading zeros, the first longest run of two or more zero words as
     * {@code ::}, and the last 32 bits in dotted decimal for {@code ::a.b.c.d} and
     * {@code ::ffff:a.b.c.d}.
     */
    public static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        int[] words = new int[IPV6_WORDS];
        for (int i = 0; i < IPV6_WORDS; i++) {
            words[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < IPV6_WORDS; ) {
            int end = i;
            while (end < IPV6_WORDS && words[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = end == i ? i + 1 : end;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < IPV6_WORDS; i++) {
            if (i == bestStart) {
                out.append(':');
                i += bestLength - 1;
                continue;
            }
            if (i > 0) {
                out.append(':');
            }
            if (i == 6 && bestStart == 0 && (bestLength == 6 || bestLength == 5 && words[5] == 0xffff)) {
                out.append(format(new byte[] {address[12], address[13], address[14], address[15]}));
                break;
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestStart >= 0 && bestStart + bestLength == IPV6_WORDS) {
            out.append(':');
        }
        return out.toString();
    }
}
