package dev.keyway.conformance;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A key exchange's hash that keeps every array it is fed, with a copy of what it held then, so
 * that a {@link SecretRecorder} can tell later whether an array that carried K was wiped.
 */
final class RecordingDigest extends MessageDigest {
    private final MessageDigest inner;
    private final SecretRecorder recorder;

    RecordingDigest(MessageDigest inner, SecretRecorder recorder) {
        super(inner.getAlgorithm());
        this.inner = inner;
        this.recorder = recorder;
    }

    @Override
    protected void engineUpdate(byte input) {
        inner.update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        recorder.hashed(new Input(input, offset, Arrays.copyOfRange(input, offset, offset + len)));
        inner.update(input, offset, len);
    }

    @Override
    protected byte[] engineDigest() {
        return inner.digest();
    }

    @Override
    protected void engineReset() {
        inner.reset();
    }

    @Override
    protected int engineGetDigestLength() {
        return inner.getDigestLength();
    }

    /**
     * One array fed to the hash.
     *
     * @param array the array itself, as it is now
     * @param offset where the bytes fed began
     * @param fed a copy of the bytes as they were fed
     */
    record Input(byte[] array, int offset, byte[] fed) {
        boolean carried(byte[] secret) {
            return indexOf(fed, secret) >= 0;
        }

        /** Whether the bytes that held the secret when fed still hold it. */
        boolean stillHolds(byte[] secret) {
            int at = offset + indexOf(fed, secret);
            return Arrays.equals(array, at, at + secret.length, secret, 0, secret.length);
        }

        private static int indexOf(byte[] in, byte[] part) {
            for (int i = 0; i + part.length <= in.length; i++) {
                if (Arrays.equals(in, i, i + part.length, part, 0, part.length)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
