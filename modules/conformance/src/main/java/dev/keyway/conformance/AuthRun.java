package dev.keyway.conformance;

import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.ClientAuthContext;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.ClientAuthExchange.ClientStep;
import dev.keyway.api.auth.ServerAuthContext;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.ServerAuthExchange.Outcome;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.wire.SshReader;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One authentication by one method, its client half against its server half, as the core
 * runs it (RFC 4252 §5): each request goes to a new server half; FAILURE asks the client for
 * its next request; a method message (numbers 60 to 79) goes to the other half. What the
 * server said is kept as text, so that two runs can be compared byte for byte.
 *
 * @param authenticated whether the server said SUCCESS (or partial success)
 * @param serverSaid the outcome of every server step, with reply payloads in hex
 */
record AuthRun(boolean authenticated, List<String> serverSaid) {
    /** More rounds than any honest method needs (keyboard-interactive tries 3 dialogues). */
    private static final int MAX_STEPS = 64;

    static AuthRun of(UserAuthMethod method, ClientAuthContext clientContext, ServerAuthContext serverContext) {
        ClientAuthExchange client = method.startClient(clientContext);
        if (client == null) {
            throw new AssertionError(method.name() + ": no client half for the fixture's credentials");
        }
        List<String> said = new ArrayList<>();
        try {
            Optional<byte[]> request = client.nextRequest();
            while (request.isPresent()) {
                ServerAuthExchange server = method.startServer(serverContext);
                Outcome outcome = settled(server.onRequest(new SshReader(request.get())));
                request = Optional.empty();
                while (true) {
                    said.add(describe(outcome));
                    if (said.size() > MAX_STEPS) {
                        throw new AssertionError(method.name() + ": no end after " + MAX_STEPS + " steps: " + said);
                    }
                    if (outcome instanceof Outcome.Success || outcome instanceof Outcome.PartialSuccess) {
                        return new AuthRun(true, said);
                    }
                    if (outcome instanceof Outcome.Failure) {
                        request = client.nextRequest();
                        break;
                    }
                    ClientStep step = client.onMessage(((Outcome.Reply) outcome).payload());
                    if (step instanceof ClientStep.Send send) {
                        outcome = settled(server.onMessage(send.payload()));
                    } else if (step instanceof ClientStep.Request again) {
                        request = Optional.of(again.methodFields());
                        break;
                    } else {
                        return new AuthRun(false, said);
                    }
                }
            }
            return new AuthRun(false, said);
        } catch (SshProtocolException e) {
            throw new AssertionError(method.name() + ": its own halves disagree on the protocol: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AssertionError(method.name() + ": threw " + e, e);
        }
    }

    /** A pending outcome waits for its check, as the engine does before its next step. */
    private static Outcome settled(Outcome outcome) {
        while (outcome instanceof Outcome.Pending pending) {
            outcome = pending.result().toCompletableFuture().join();
        }
        return outcome;
    }

    private static String describe(Outcome outcome) {
        return outcome instanceof Outcome.Reply reply
                ? "Reply " + HexFormat.of().formatHex(reply.payload())
                : outcome.getClass().getSimpleName();
    }
}
