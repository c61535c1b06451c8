package dev.keyway.transport.internal;

/** Big-endian uint32 access to packet buffers, where an {@code SshReader} would be overhead. */
final class Bytes {
    private Bytes() {
    }

    static int uint32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16)
                | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    static void putUint32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
