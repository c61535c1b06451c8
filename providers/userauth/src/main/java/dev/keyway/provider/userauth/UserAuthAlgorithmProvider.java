package dev.keyway.provider.userauth;

import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import dev.keyway.provider.userauth.internal.KeyboardInteractiveMethod;
import dev.keyway.provider.userauth.internal.NoneMethod;
import dev.keyway.provider.userauth.internal.PasswordMethod;
import dev.keyway.provider.userauth.internal.PublicKeyMethod;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The standard user authentication methods: {@code none} (RFC 4252 §5.2), {@code password}
 * (RFC 4252 §8), {@code publickey} (RFC 4252 §7) and {@code keyboard-interactive} (RFC 4256).
 * It brings no algorithms: {@code publickey} signs and verifies with the registry's
 * signature algorithms, so it works with whichever crypto provider is installed.
 */
@Component(service = AlgorithmProvider.class)
public final class UserAuthAlgorithmProvider implements AlgorithmProvider {
    /** The name to use in {@code preferProviders}. */
    public static final String NAME = "userauth";

    private static final List<UserAuthMethod> METHODS = List.of(
            NoneMethod.METHOD, PublicKeyMethod.METHOD, KeyboardInteractiveMethod.METHOD, PasswordMethod.METHOD);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SshAlgorithm> algorithms() {
        return List.of();
    }

    @Override
    public List<UserAuthMethod> userAuthMethods() {
        return METHODS;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
