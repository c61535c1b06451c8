package dev.keyway.keys;

import dev.keyway.keys.internal.HostPatternList;
import dev.keyway.keys.internal.IpAddressText;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The pattern-list of an {@code authorized_keys} {@code from="…"} option (sshd(8)
 * "AUTHORIZED_KEYS FILE FORMAT", ssh_config(5) PATTERNS), matched against the client's IP
 * address as sshd matches it with {@code UseDNS no}, its default, where the client's
 * "canonical name" is its address. Keyway does no reverse DNS: a host name never matches.
 *
 * <p>Entries are separated by commas. An entry that reads as an address ({@code 192.0.2.7},
 * {@code ::1}, also {@code inet_aton}'s {@code 127.1}) or as a network in CIDR notation
 * ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) is compared as an address; it and every other
 * entry is also a glob ({@code *} any run of characters, {@code ?} one) compared with the
 * address's text, case ignored ({@code 192.0.2.*}). An entry after {@code !} refuses what it
 * matches whatever else matches. An address is allowed when some entry matches it and no
 * negated one does (OpenSSH's {@code match_host_and_ip} and {@code addr_match_list}).
 *
 * <p>What makes sshd refuse every client, this refuses to parse, so that the line is skipped:
 * an empty entry, a mask longer than its address ({@code 10.0.0.0/33}), and a network with
 * bits set past its mask ({@code 10.1.2.3/8}). An entry with an IPv6 scope
 * ({@code fe80::1%eth0}) is refused too: sshd would match it, Keyway cannot.
 */
public final class AddressPatterns {
    /** sshd copies an entry into a 64-byte buffer before reading it as an address; longer is a glob. */
    private static final int ADDRESS_BUFFER = 64;
    /** A mask length read as larger than any address's, which makes the entry a glob. */
    private static final long TOO_LONG = 129;

    private final String text;
    private final List<Entry> entries;

    private AddressPatterns(String text, List<Entry> entries) {
        this.text = text;
        this.entries = entries;
    }

    /**
     * Reads a pattern-list as written between the quotes of {@code from=}.
     *
     * @throws LineFormatException when sshd would refuse every client with it, or it names
     *         an IPv6 scope
     */
    public static AddressPatterns parse(String list) throws LineFormatException {
        List<Entry> entries = new ArrayList<>();
        for (String written : list.split(",", -1)) {
            entries.add(entry(written));
        }
        return new AddressPatterns(list, List.copyOf(entries));
    }

    private static Entry entry(String written) throws LineFormatException {
        boolean negated = written.startsWith("!");
        String body = negated ? written.substring(1) : written;
        if (body.isEmpty()) {
            throw new LineFormatException("from= has an empty pattern");
        }
        if (body.indexOf('%') >= 0) {
            throw new LineFormatException("from= names an IPv6 scope, which Keyway does not match");
        }
        String glob = body.toLowerCase(Locale.ROOT);
        int slash = body.indexOf('/');
        byte[] address = body.length() < ADDRESS_BUFFER
                ? IpAddressText.parse(slash < 0 ? body : body.substring(0, slash)) : null;
        if (address == null) {
            return new Entry(negated, glob, null, 0);
        }
        long prefix = slash < 0 ? address.length * 8L : maskLength(body.substring(slash + 1));
        if (prefix < 0 || prefix >= TOO_LONG) {
            return new Entry(negated, glob, null, 0); // not CIDR to sshd either: only a glob
        }
        if (prefix > address.length * 8L) {
            throw new LineFormatException("from= has a mask longer than its address: " + shown(body));
        }
        if (!Arrays.equals(masked(address, (int) prefix), address)) {
            throw new LineFormatException("from= has a network with bits set past its mask: " + shown(body));
        }
        return new Entry(negated, glob, address, (int) prefix);
    }

    /**
     * A mask length as C's {@code strtoul(s, &end, 10)} reads the whole text (blanks and a
     * sign first), or -1 when it does not; {@link #TOO_LONG} for any value past 128.
     */
    private static long maskLength(String s) {
        int i = 0;
        while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        boolean minus = i < s.length() && s.charAt(i) == '-';
        if (i < s.length() && (minus || s.charAt(i) == '+')) {
            i++;
        }
        if (i == s.length()) {
            return -1;
        }
        long value = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = Math.min(value * 10 + (c - '0'), TOO_LONG);
        }
        // strtoul negates in unsigned arithmetic: -0 is 0, anything else is huge.
        return minus && value != 0 ? TOO_LONG : value;
    }

    private static String shown(String entry) {
        return entry.length() > 60 ? entry.substring(0, 60) + "…" : entry;
    }

    /** {@code address} with every bit from {@code prefix} on cleared. */
    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    /** Whether a client at {@code client} may use the key. */
    public boolean matches(InetAddress client) {
        byte[] address = client.getAddress();
        // sshd compares scopes too: a pattern (which has none here) never takes a scoped address.
        int scope = client instanceof Inet6Address v6 ? v6.getScopeId() : 0;
        String text = IpAddressText.format(address) + (scope != 0 ? "%" + scopeName((Inet6Address) client) : "");
        boolean allowed = false;
        for (Entry e : entries) {
            boolean inNetwork = e.network != null && scope == 0 && address.length == e.network.length
                    && Arrays.equals(masked(address, e.prefix), e.network);
            if (inNetwork || HostPatternList.wildcardMatch(e.glob, text)) {
                if (e.negated) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }

    /** The scope as {@code getnameinfo(3)} writes it: the interface's name, else its number. */
    private static String scopeName(Inet6Address client) {
        return client.getScopedInterface() != null ? client.getScopedInterface().getName()
                : Integer.toString(client.getScopeId());
    }

    /** The pattern-list as written. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressPatterns p && text.equals(p.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * One entry: a glob (lower case) and, when it reads as an address, the network it names.
     *
     * @param network the network's address, or null for a glob only
     */
    private record Entry(boolean negated, String glob, byte[] network, int prefix) {
    }
}
