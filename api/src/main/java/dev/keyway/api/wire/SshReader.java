package dev.keyway.api.wire;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes the data types of RFC 4251 §5 from a slice of a byte array.
 *
 * <p>Every length read from the input is checked against the bytes that remain before
 * anything is allocated, so a hostile length can never make the reader allocate more than
 * the input it was given. Every failure is a {@link WireFormatException}.
 */
public final class SshReader {
    /** Upper bound for an mpint, in bytes: generous for 16384-bit RSA, small enough to be safe. */
    public static final int MAX_MPINT_BYTES = 2049;
    /** RFC 4251 §6: an algorithm name is at most 64 characters. */
    public static final int MAX_NAME_LENGTH = 64;
    /**
     * The most names one name-list may hold: real peers send a few dozen at most (OpenSSH's
     * whole list of key exchange methods is under twenty), and a cap counted before any
     * string is made keeps a hostile list from costing more than its bytes.
     */
    public static final int MAX_NAMES = 128;

    private final byte[] buf;
    private final int end;
    private int pos;

    public SshReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public SshReader(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IndexOutOfBoundsException("slice " + off + "+" + len + " of " + buf.length);
        }
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    /** Bytes not read yet. */
    public int remaining() {
        return end - pos;
    }

    /** Current position in the underlying array. */
    public int position() {
        return pos;
    }

    private void need(int n, String what) throws WireFormatException {
        if (n < 0 || n > end - pos) {
            throw new WireFormatException("truncated " + what + ": need " + (n & 0xffffffffL)
                    + " bytes, " + (end - pos) + " left");
        }
    }

    public int readByte() throws WireFormatException {
        need(1, "byte");
        return buf[pos++] & 0xff;
    }

    /** RFC 4251 §5: any non-zero value is true. */
    public boolean readBoolean() throws WireFormatException {
        need(1, "boolean");
        return buf[pos++] != 0;
    }

    /** A uint32 as the int with the same 32 bits. */
    public int readUint32() throws WireFormatException {
        need(4, "uint32");
        int v = uint32At(buf, pos);
        pos += 4;
        return v;
    }

    /**
     * The uint32 at {@code b[off, off+4)}, for the packet path, where a reader per packet would
     * be overhead; the caller has checked that four bytes are there.
     */
    public static int uint32At(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    /** A uint32 as a non-negative long. */
    public long readUint32AsLong() throws WireFormatException {
        return readUint32() & 0xffffffffL;
    }

    /** A uint64 as the long with the same 64 bits. */
    public long readUint64() throws WireFormatException {
        long hi = readUint32AsLong();
        long lo = readUint32AsLong();
        return (hi << 32) | lo;
    }

    private int readLength(String what) throws WireFormatException {
        int len = readUint32();
        need(len, what);
        return len;
    }

    /** A string's contents, copied. */
    public byte[] readString() throws WireFormatException {
        int len = readLength("string");
        byte[] out = Arrays.copyOfRange(buf, pos, pos + len);
        pos += len;
        return out;
    }

    /**
     * Skips over a string and returns where its contents start in the underlying array, for
     * callers that want to avoid a copy. Its length is {@code position() - returned}.
     */
    public int skipString() throws WireFormatException {
        int len = readLength("string");
        int start = pos;
        pos += len;
        return start;
    }

    /** A string that must hold UTF-8 (RFC 4251 §5, ISO-10646 UTF-8); malformed input is an error. */
    public String readUtf8() throws WireFormatException {
        int len = readLength("string");
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(buf, pos, len))
                    .toString();
            pos += len;
            return s;
        } catch (CharacterCodingException e) {
            throw new WireFormatException("string is not valid UTF-8");
        }
    }

    /**
     * An mpint (RFC 4251 §5): two's complement, big-endian, without unnecessary leading
     * 0x00 or 0xff bytes, which are rejected.
     */
    public BigInteger readMpint() throws WireFormatException {
        int len = readLength("mpint");
        if (len > MAX_MPINT_BYTES) {
            throw new WireFormatException("mpint of " + len + " bytes exceeds " + MAX_MPINT_BYTES);
        }
        if (len == 0) {
            return BigInteger.ZERO;
        }
        int first = buf[pos];
        if (len == 1 && first == 0) {
            // RFC 4251 §5: zero MUST be stored as a string with zero bytes of data.
            throw new WireFormatException("mpint zero encoded with a data byte");
        }
        if (len > 1) {
            int second = buf[pos + 1];
            if ((first == 0 && second >= 0) || (first == -1 && second < 0)) {
                throw new WireFormatException("mpint has an unnecessary leading byte");
            }
        }
        BigInteger v = new BigInteger(buf, pos, len);
        pos += len;
        return v;
    }

    /**
     * A name-list (RFC 4251 §5): comma-separated, non-empty US-ASCII names without commas.
     * An empty string is the empty list. A list of more than {@link #MAX_NAMES} names, or a
     * name longer than {@link #MAX_NAME_LENGTH} characters (RFC 4251 §6), is refused before
     * any name is made.
     */
    public List<String> readNameList() throws WireFormatException {
        int len = readLength("name-list");
        int start = pos;
        int stop = pos + len;
        int count = len == 0 ? 0 : 1;
        for (int i = pos; i < stop; i++) {
            if (buf[i] == ',') {
                count++;
            }
        }
        if (count > MAX_NAMES) {
            throw new WireFormatException("name-list of " + count + " names, more than " + MAX_NAMES);
        }
        List<String> names = new ArrayList<>(count);
        for (int i = pos; i <= stop; i++) {
            if (i == stop || buf[i] == ',') {
                if (i == start) {
                    if (len == 0) {
                        break;
                    }
                    throw new WireFormatException("name-list has an empty name");
                }
                if (i - start > MAX_NAME_LENGTH) {
                    throw new WireFormatException("name-list has a name longer than " + MAX_NAME_LENGTH + " characters");
                }
                names.add(new String(buf, start, i - start, StandardCharsets.US_ASCII));
                start = i + 1;
            } else if (buf[i] <= ' ' || buf[i] == 127) {
                // Negative bytes (non-ASCII), controls, spaces and DEL are not allowed in names.
                throw new WireFormatException("name-list has a byte outside printable US-ASCII");
            }
        }
        pos = stop;
        return names;
    }

    /** The remaining bytes, copied; the reader is then at its end. */
    public byte[] readRemaining() {
        byte[] out = Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return out;
    }

    /** Fails unless every byte has been read: trailing data is malformed. */
    public void expectEnd() throws WireFormatException {
        if (pos != end) {
            throw new WireFormatException((end - pos) + " unexpected trailing bytes");
        }
    }
}
