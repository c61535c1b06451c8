package dev.keyway.provider.userauth.internal;

import dev.keyway.api.DisconnectReason;
import dev.keyway.api.SshProtocolException;
import dev.keyway.api.auth.ClientAuthExchange;
import dev.keyway.api.auth.InteractivePrompter;
import dev.keyway.api.auth.InteractiveRound;
import dev.keyway.api.auth.KeyboardInteractiveAuthenticator;
import dev.keyway.api.auth.KeyboardInteractiveDialogue;
import dev.keyway.api.auth.KeyboardInteractiveDialogue.Step;
import dev.keyway.api.auth.ServerAuthContext;
import dev.keyway.api.auth.ServerAuthExchange;
import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.SshWriter;
import java.util.List;
import java.util.Optional;

/**
 * The {@code keyboard-interactive} method (RFC 4256): the server's dialogue asks rounds of
 * prompts (INFO_REQUEST), the client's prompter answers each (INFO_RESPONSE), until the
 * dialogue accepts or rejects. The client starts at most {@link #CLIENT_TRIES} dialogues,
 * like OpenSSH's NumberOfPasswordPrompts.
 */
public final class KeyboardInteractiveMethod {
    static final String NAME = "keyboard-interactive";
    static final int CLIENT_TRIES = 3;

    /** The method as a plugin. */
    public static final UserAuthMethod METHOD = new MethodPlugin(NAME,
            context -> context.credential(InteractivePrompter.class)
                    .map(prompter -> new Client(prompter, context.userName()))
                    .orElse(null),
            Server::new);

    private KeyboardInteractiveMethod() {
    }

    private static final class Client implements ClientAuthExchange {
        private final InteractivePrompter prompter;
        private final String user;
        private int tries;

        Client(InteractivePrompter prompter, String user) {
            this.prompter = prompter;
            this.user = user;
        }

        @Override
        public Optional<byte[]> nextRequest() {
            if (tries++ >= CLIENT_TRIES) {
                return Optional.empty();
            }
            // RFC 4256 §3.1: language tag (deprecated) and submethods, both empty.
            return Optional.of(new SshWriter(8).writeUtf8("").writeUtf8("").toByteArray());
        }

        @Override
        public ClientStep onMessage(byte[] payload) throws SshProtocolException {
            InteractiveRound round = InfoRequest.decode(payload);
            Optional<List<char[]>> answers = prompter.answer(user, round);
            if (answers.isEmpty() || answers.get().size() != round.prompts().size()) {
                answers.ifPresent(SecretText::wipeAll);
                return new ClientStep.GiveUp();
            }
            try {
                return new ClientStep.Send(InfoResponse.encode(answers.get()));
            } finally {
                SecretText.wipeAll(answers.get());
            }
        }
    }

    /**
     * The server half. The embedder's dialogue is started and asked on the authentication
     * pool, never on the network thread; the answers are wiped once it has seen them.
     */
    private static final class Server implements ServerAuthExchange {
        private final ServerAuthContext context;
        /** Touched on the pool; the engine reads outcomes only after the check completed. */
        private volatile KeyboardInteractiveDialogue dialogue;
        private volatile int expectedResponses = -1;
        /** Whether the client has answered a round: a rejection then means a wrong answer. */
        private volatile boolean answered;

        Server(ServerAuthContext context) {
            this.context = context;
        }

        @Override
        public Outcome onRequest(SshReader methodFields) throws SshProtocolException {
            methodFields.readUtf8();
            String submethods = methodFields.readUtf8();
            methodFields.expectEnd();
            Optional<KeyboardInteractiveAuthenticator> authenticator =
                    context.authenticator(KeyboardInteractiveAuthenticator.class);
            if (authenticator.isEmpty()) {
                return new Outcome.Failure();
            }
            List<String> hints = submethods.isEmpty() ? List.of() : List.of(submethods.split(","));
            String user = context.userName();
            return new Outcome.Pending(context.offload(() -> {
                dialogue = authenticator.get().start(user, hints);
                return outcomeOf(dialogue.begin());
            }));
        }

        @Override
        public Outcome onMessage(byte[] payload) throws SshProtocolException {
            if (expectedResponses < 0) {
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR, "INFO_RESPONSE without a request");
            }
            List<char[]> responses = InfoResponse.decode(payload);
            if (responses.size() != expectedResponses) {
                SecretText.wipeAll(responses);
                // RFC 4256 §3.4: the count must match the prompts of the request.
                throw new SshProtocolException(DisconnectReason.PROTOCOL_ERROR,
                        "INFO_RESPONSE has " + responses.size() + " answers for " + expectedResponses + " prompts");
            }
            expectedResponses = -1;
            answered = true;
            java.util.concurrent.CompletionStage<Outcome> outcome = context.offload(() -> {
                try {
                    return outcomeOf(dialogue.respond(responses));
                } finally {
                    SecretText.wipeAll(responses);
                }
            });
            return new Outcome.Pending(outcome.whenComplete((result, failure) -> SecretText.wipeAll(responses)));
        }

        private Outcome outcomeOf(Step step) {
            if (step instanceof Step.Ask ask) {
                expectedResponses = ask.round().prompts().size();
                return new Outcome.Reply(InfoRequest.encode(ask.round()));
            }
            // A rejection after answers is a wrong secret; one before any question is not.
            return step instanceof Step.Accept ? new Outcome.Success() : new Outcome.Failure(answered, "");
        }
    }
}
