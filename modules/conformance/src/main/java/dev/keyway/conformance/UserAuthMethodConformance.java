package dev.keyway.conformance;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.UserAuthMethod;
import java.util.Objects;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * The contract of a {@link UserAuthMethod} (RFC 4252 §5), checked on the SPI alone, without
 * the user authentication engine: the method's client and server halves authenticate each
 * other with the right credential; a wrong credential is refused; an unknown user gets the
 * very replies a wrong secret gets; arbitrary and mangled fields and messages give only
 * {@code SshProtocolException}. A method's test extends it in one line:
 *
 * <pre>{@code
 * class PasswordConformanceTest extends UserAuthMethodConformance {
 *     PasswordConformanceTest() { super(PASSWORD, registry, UserAuthFixture.withSecret(...)); }
 * }
 * }</pre>
 *
 * @see UserAuthFixture for what the test supplies
 */
public abstract class UserAuthMethodConformance {
    private final UserAuthMethod method;
    private final AlgorithmRegistry registry;
    private final UserAuthFixture fixture;

    /**
     * @param registry the algorithms the halves see (publickey signs and verifies with them)
     */
    protected UserAuthMethodConformance(UserAuthMethod method, AlgorithmRegistry registry, UserAuthFixture fixture) {
        this.method = Objects.requireNonNull(method, "method");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    @Property(tries = 20)
    public void rightCredentialAuthenticates(@ForAll long seed) {
        UserAuthChecks.completes(method, registry, fixture, seed);
    }

    @Property(tries = 20)
    public void wrongCredentialIsRefused(@ForAll long seed) {
        if (fixture.hasSecret()) { // none has no secret to get wrong
            UserAuthChecks.refusesWrongSecret(method, registry, fixture, seed);
        }
    }

    @Property(tries = 20)
    public void unknownUserLooksLikeAWrongSecret(@ForAll long seed) {
        if (fixture.hasSecret()) { // none has no secret to get wrong
            UserAuthChecks.unknownUserLooksLikeWrongSecret(method, registry, fixture, seed);
        }
    }

    @Property(tries = 100)
    public void hostileRequestFieldsGiveOnlyProtocolErrors(@ForAll @Size(max = 300) byte[] junk, @ForAll long seed) {
        UserAuthChecks.hostileRequestFields(method, registry, fixture, junk, seed);
    }

    @Property(tries = 100)
    public void hostileMethodMessagesGiveOnlyProtocolErrors(@ForAll @Size(max = 300) byte[] junk, @ForAll long seed) {
        UserAuthChecks.hostileMessages(method, registry, fixture, junk, seed);
    }
}
