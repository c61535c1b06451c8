package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** A key exchange that tells a {@link SecretRecorder} each K it makes and what its hash is fed. */
record RecordingKeyExchange(KeyExchangeAlgorithm inner, SecretRecorder recorder) implements KeyExchangeAlgorithm {

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public boolean isSupported() {
        return inner.isSupported();
    }

    @Override
    public java.util.List<ValuePart> valueParts(boolean fromClient) {
        return inner.valueParts(fromClient);
    }

    @Override
    public MessageDigest newDigest() {
        return new RecordingDigest(inner.newDigest(), recorder);
    }

    @Override
    public Initiator initiate(SecureRandom random) {
        return new RecordingInitiator(inner.initiate(random), recorder);
    }

    @Override
    public Response respond(byte[] clientValue, SecureRandom random) throws SshProtocolException {
        Response response = inner.respond(clientValue, random);
        recorder.sharedSecret(response.secret());
        return response;
    }

    @Override
    public String toString() {
        return inner.toString();
    }

    /** The client's half, recording the K it completes with. */
    private record RecordingInitiator(Initiator inner, SecretRecorder recorder) implements Initiator {
        @Override
        public byte[] publicValue() {
            return inner.publicValue();
        }

        @Override
        public SharedSecret complete(byte[] serverValue) throws SshProtocolException {
            SharedSecret k = inner.complete(serverValue);
            recorder.sharedSecret(k);
            return k;
        }
    }
}
