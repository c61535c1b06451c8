package dev.keyway.api.wire;

/** Each read method of {@link SshReader}, so properties can run over all of them. */
enum WireReadOperation {
    BYTE(SshReader::readByte),
    BOOLEAN(SshReader::readBoolean),
    UINT32(SshReader::readUint32),
    UINT32_AS_LONG(SshReader::readUint32AsLong),
    UINT64(SshReader::readUint64),
    STRING(SshReader::readString),
    SKIP_STRING(SshReader::skipString),
    UTF8(SshReader::readUtf8),
    MPINT(SshReader::readMpint),
    NAME_LIST(SshReader::readNameList);

    interface Read {
        Object apply(SshReader reader) throws WireFormatException;
    }

    private final Read read;

    WireReadOperation(Read read) {
        this.read = read;
    }

    Object applyTo(SshReader reader) throws WireFormatException {
        return read.apply(reader);
    }

    /** Whether the encoding starts with a uint32 length, the field a hostile peer inflates. */
    boolean isLengthPrefixed() {
        return ordinal() >= STRING.ordinal();
    }
}
