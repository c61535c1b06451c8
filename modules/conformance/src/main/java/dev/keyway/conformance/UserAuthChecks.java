package dev.keyway.conformance;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.auth.ClientAuthContext;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.ServerAuthContext;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.ServerAuthExchange.Outcome;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.wire.SshReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The contract of a user authentication method (RFC 4252 §5, §7, §8, RFC 4256) as plain
 * methods that throw {@link AssertionError}, shared by {@link UserAuthMethodConformance} and
 * the kit's tests against broken methods. Each call is one authentication with a fresh
 * session identifier drawn from {@code seed}.
 */
final class UserAuthChecks {
    private UserAuthChecks() {
    }

    /** The method's halves, with the right credential, authenticate the known user. */
    static void completes(UserAuthMethod method, AlgorithmRegistry registry, UserAuthFixture fixture, long seed) {
        AuthRun run = run(method, registry, fixture.user(), fixture.credentials(), fixture, seed);
        if (!run.authenticated()) {
            throw new AssertionError(method.name() + ": the right credential was refused: " + run.serverSaid());
        }
    }

    /** A wrong credential is refused. */
    static void refusesWrongSecret(UserAuthMethod method, AlgorithmRegistry registry, UserAuthFixture fixture,
            long seed) {
        AuthRun run = run(method, registry, fixture.user(), fixture.wrongCredentials(), fixture, seed);
        if (run.authenticated()) {
            throw new AssertionError(method.name() + ": a wrong credential was accepted: " + run.serverSaid());
        }
    }

    /**
     * The server answers an unknown user with the right credential exactly as it answers the
     * known user with a wrong one: the same outcomes, the same reply bytes (RFC 4252 §5.1
     * FAILURE tells nothing about which part was wrong, and neither may anything else).
     */
    static void unknownUserLooksLikeWrongSecret(UserAuthMethod method, AlgorithmRegistry registry,
            UserAuthFixture fixture, long seed) {
        AuthRun wrongSecret = run(method, registry, fixture.user(), fixture.wrongCredentials(), fixture, seed);
        AuthRun unknownUser = run(method, registry, fixture.unknownUser(), fixture.credentials(), fixture, seed);
        if (unknownUser.authenticated()) {
            throw new AssertionError(method.name() + ": an unknown user was authenticated");
        }
        if (!wrongSecret.serverSaid().equals(unknownUser.serverSaid())) {
            throw new AssertionError(method.name() + ": the server tells an unknown user " + unknownUser.serverSaid()
                    + " but a wrong secret " + wrongSecret.serverSaid());
        }
    }

    /**
     * Arbitrary method fields, and hostile forms (truncated, with lying length fields) of the
     * client's own first request, give the server half an outcome or SshProtocolException,
     * nothing else.
     */
    static void hostileRequestFields(UserAuthMethod method, AlgorithmRegistry registry, UserAuthFixture fixture,
            byte[] junk, long seed) {
        Random rnd = new Random(seed);
        ServerAuthContext serverContext = serverContext(registry, fixture.user(), fixture, rnd);
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(junk);
        firstRequest(method, registry, fixture, rnd).ifPresent(valid -> inputs.addAll(HostileInput.variantsOf(valid, rnd)));
        for (byte[] fields : inputs) {
            HostileInput.expectOnlyProtocolErrors(method.name() + " server onRequest",
                    () -> method.startServer(serverContext).onRequest(new SshReader(fields.clone())));
        }
    }

    /**
     * Arbitrary method messages (numbers 60 to 79), to the server half after a valid request
     * and to the client half after its first request, give a result or SshProtocolException,
     * nothing else; so do hostile forms of the server's own first reply.
     */
    static void hostileMessages(UserAuthMethod method, AlgorithmRegistry registry, UserAuthFixture fixture,
            byte[] junk, long seed) {
        Random rnd = new Random(seed);
        byte[] message = junk.clone();
        if (message.length > 0) {
            message[0] = (byte) (60 + Math.floorMod(message[0], 20));
        }
        ServerAuthContext serverContext = serverContext(registry, fixture.user(), fixture, rnd);
        Optional<byte[]> valid = firstRequest(method, registry, fixture, rnd);
        List<byte[]> toClient = new ArrayList<>(List.of(message));
        if (valid.isPresent()) {
            ServerAuthExchange server = method.startServer(serverContext);
            Outcome first = HostileInput.expectOnlyProtocolErrors(method.name() + " server onRequest",
                    () -> server.onRequest(new SshReader(valid.get())));
            if (first instanceof Outcome.Reply reply) {
                toClient.addAll(HostileInput.variantsOf(reply.payload(), rnd));
            }
            HostileInput.expectOnlyProtocolErrors(method.name() + " server onMessage",
                    () -> server.onMessage(message.clone()));
        }
        for (byte[] payload : toClient) {
            ClientAuthExchange client = method.startClient(clientContext(registry, fixture, rnd));
            client.nextRequest();
            HostileInput.expectOnlyProtocolErrors(method.name() + " client onMessage",
                    () -> client.onMessage(payload.clone()));
        }
    }

    private static Optional<byte[]> firstRequest(UserAuthMethod method, AlgorithmRegistry registry,
            UserAuthFixture fixture, Random rnd) {
        ClientAuthExchange client = method.startClient(clientContext(registry, fixture, rnd));
        if (client == null) {
            throw new AssertionError(method.name() + ": no client half for the fixture's credentials");
        }
        return client.nextRequest();
    }

    private static AuthRun run(UserAuthMethod method, AlgorithmRegistry registry, String user,
            Map<Class<?>, Object> credentials, UserAuthFixture fixture, long seed) {
        Random rnd = new Random(seed);
        byte[] sessionId = CipherChecks.bytes(rnd, 32);
        return AuthRun.of(method,
                AuthContexts.client(user, sessionId, registry, new SeededRandom(seed), credentials),
                AuthContexts.server(user, sessionId, registry, fixture.authenticators()));
    }

    private static ClientAuthContext clientContext(AlgorithmRegistry registry,
            UserAuthFixture fixture, Random rnd) {
        return AuthContexts.client(fixture.user(), CipherChecks.bytes(rnd, 32), registry,
                new SeededRandom(rnd.nextLong()), fixture.credentials());
    }

    private static ServerAuthContext serverContext(AlgorithmRegistry registry, String user, UserAuthFixture fixture,
            Random rnd) {
        return AuthContexts.server(user, CipherChecks.bytes(rnd, 32), registry, fixture.authenticators());
    }
}
