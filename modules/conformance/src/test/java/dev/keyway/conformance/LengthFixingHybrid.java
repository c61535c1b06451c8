package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SharedSecret;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately broken hybrid: it cuts or zero-pads a peer's value to the length it expects
 * instead of refusing it, then hands it to a sound hybrid. A test fixture only.
 */
final class LengthFixingHybrid implements KeyExchangeAlgorithm {
    private final KeyExchangeAlgorithm sound;

    LengthFixingHybrid(KeyExchangeAlgorithm sound) {
        this.sound = sound;
    }

    @Override
    public String name() {
        return sound.name();
    }

    @Override
    public MessageDigest newDigest() {
        return sound.newDigest();
    }

    @Override
    public List<ValuePart> valueParts(boolean fromClient) {
        return sound.valueParts(fromClient);
    }

    @Override
    public Initiator initiate(SecureRandom random) {
        Initiator own = sound.initiate(random);
        return new Initiator() {
            @Override
            public byte[] publicValue() {
                return own.publicValue();
            }

            @Override
            public SharedSecret complete(byte[] serverValue) throws SshProtocolException {
                return own.complete(fitted(serverValue, false));
            }
        };
    }

    @Override
    public Response respond(byte[] clientValue, SecureRandom random) throws SshProtocolException {
        return sound.respond(fitted(clientValue, true), random);
    }

    private byte[] fitted(byte[] value, boolean fromClient) {
        return Arrays.copyOf(value, valueParts(fromClient).stream().mapToInt(ValuePart::bytes).sum());
    }
}
