package dev.keyway.provider.sntrup;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import dev.keyway.provider.sntrup.internal.Sntrup761X25519;
import org.osgi.service.component.annotations.Component;
import java.util.List;

/**
 * The Streamlined NTRU Prime hybrid key exchange, {@code sntrup761x25519-sha512} and its older
 * name {@code sntrup761x25519-sha512@openssh.com} (RFC 9941, formerly
 * draft-ietf-sshm-ntruprime-ssh; OpenSSH's {@code kexsntrup761x25519.c}): sntrup761 beside
 * X25519, K = SHA-512(K_PQ || K_CL). It is built as any third-party plugin would be, on the
 * public SPI ({@code EphemeralKeyExchange.hybrid}) and Bouncy Castle's lightweight API, and
 * changes nothing in the transport.
 *
 * <p>Priority 100, the rank of the other Bouncy Castle provider: it only matters should a second
 * provider offer these names, and {@code preferProviders} overrides it.
 */
@Component(service = AlgorithmProvider.class)
public final class SntrupAlgorithmProvider implements AlgorithmProvider {
    /** The name to use in {@code preferProviders}. */
    public static final String NAME = "sntrup";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public List<SshAlgorithm> algorithms() {
        return Sntrup761X25519.exchanges();
    }

    @Override
    public String toString() {
        return NAME;
    }
}
