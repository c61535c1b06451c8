package dev.keyway.api.wire;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes the data types of RFC 4251 §5 into a growable buffer. The buffer can be reset and
 * reused, so a writer kept per connection does not allocate once it has grown.
 *
 * <p>A message may hold a secret (a password, the shared secret K): a buffer the writer
 * outgrows is zeroed before it is dropped, and {@link #wipe()} zeroes the one in use.
 */
public final class SshWriter {
    private byte[] buf;
    private int size;

    public SshWriter() {
        this(64);
    }

    public SshWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (extra > buf.length - size) {
            int want = size + extra;
            if (want < 0) {
                throw new IllegalStateException("message too large");
            }
            byte[] outgrown = buf;
            buf = Arrays.copyOf(outgrown, Math.max(want, outgrown.length * 2));
            Arrays.fill(outgrown, 0, size, (byte) 0);
        }
    }

    public SshWriter writeByte(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public SshWriter writeBoolean(boolean v) {
        return writeByte(v ? 1 : 0);
    }

    public SshWriter writeUint32(int v) {
        ensure(4);
        putUint32At(buf, size, v);
        size += 4;
        return this;
    }

    /** Writes a uint32 at {@code b[off, off+4)}, for the packet path, which frames in place. */
    public static void putUint32At(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public SshWriter writeUint32(long v) {
        if (v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException("not a uint32: " + v);
        }
        return writeUint32((int) v);
    }

    public SshWriter writeUint64(long v) {
        writeUint32((int) (v >>> 32));
        return writeUint32((int) v);
    }

    /** Raw bytes, without a length prefix. */
    public SshWriter writeRaw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    public SshWriter writeRaw(byte[] b) {
        return writeRaw(b, 0, b.length);
    }

    public SshWriter writeString(byte[] b) {
        return writeString(b, 0, b.length);
    }

    public SshWriter writeString(byte[] b, int off, int len) {
        writeUint32(len);
        return writeRaw(b, off, len);
    }

    public SshWriter writeUtf8(String s) {
        return writeString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** An mpint (RFC 4251 §5) in its minimal two's complement form. */
    public SshWriter writeMpint(BigInteger v) {
        if (v.signum() == 0) {
            return writeUint32(0);
        }
        return writeString(v.toByteArray());
    }

    /**
     * A non-negative mpint given as unsigned big-endian bytes, such as an X25519 or ECDH shared
     * secret (RFC 8731 §3.1, RFC 5656 §4): leading zeros are dropped and a zero byte is
     * prepended when the top bit is set.
     */
    public SshWriter writeMpintUnsigned(byte[] magnitude) {
        int i = 0;
        while (i < magnitude.length && magnitude[i] == 0) {
            i++;
        }
        int len = magnitude.length - i;
        if (len == 0) {
            return writeUint32(0);
        }
        boolean pad = magnitude[i] < 0;
        writeUint32(len + (pad ? 1 : 0));
        if (pad) {
            writeByte(0);
        }
        return writeRaw(magnitude, i, len);
    }

    /** A name-list (RFC 4251 §5). Names must be non-empty printable US-ASCII without commas. */
    public SshWriter writeNameList(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (n.isEmpty() || n.indexOf(',') >= 0 || !isPrintableAscii(n)) {
                throw new IllegalArgumentException("not a valid algorithm name: '" + n + "'");
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(n);
        }
        return writeString(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isPrintableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127) {
                return false;
            }
        }
        return true;
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** The backing array; valid bytes are {@code [0, size())}. */
    public byte[] array() {
        return buf;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Forgets the contents but keeps the capacity. */
    public SshWriter reset() {
        size = 0;
        return this;
    }

    /** Zeroes what was written and forgets it, once a message that held a secret has been copied out. */
    public SshWriter wipe() {
        Arrays.fill(buf, 0, size, (byte) 0);
        return reset();
    }
}
