package dev.keyway.transport.internal;

import dev.keyway.api.wire.SshReader;

/** No protection: the state of both directions before the first NEWKEYS (RFC 4253 §6). */
final class ClearTextProtection implements PacketProtection {
    static final ClearTextProtection INSTANCE = new ClearTextProtection();

    private ClearTextProtection() {
    }

    @Override
    public int alignment() {
        return 8;
    }

    @Override
    public boolean lengthFieldAligned() {
        return true;
    }

    @Override
    public int trailerLength() {
        return 0;
    }

    @Override
    public int lengthPrefixBytes() {
        return 4;
    }

    @Override
    public void seal(int seq, byte[] buf, int off, int len) {
    }

    @Override
    public int packetLength(int seq, byte[] buf, int off) {
        return SshReader.uint32At(buf, off);
    }

    @Override
    public boolean open(int seq, byte[] buf, int off, int len) {
        return true;
    }
}
