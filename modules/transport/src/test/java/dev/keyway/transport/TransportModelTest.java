package dev.keyway.transport;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * The whole engine against a reference model ({@link TransportModel}): random interleavings
 * of data either way, re-keys asked by either side (RFC 4253 §9) and by volume once
 * USERAUTH_SUCCESS passed, IGNORE and DEBUG noise (RFC 4253 §11.2, §11.3), delivery of the
 * bytes in flight in chunks of any size, and a disconnect by either side (RFC 4253 §11.1).
 * The invariants are checked after every action; a failing chain is shrunk and printed as the
 * list of its actions.
 */
class TransportModelTest {

    @Property(tries = 60)
    void engineFollowsTheModel(@ForAll("chains") ActionChain<TransportModel> chain) {
        TransportModel model = chain.withInvariant("transport model", TransportModel::checkInvariants).run();
        model.settle();
        model.checkInvariants();
    }

    @Provide
    Arbitrary<ActionChain<TransportModel>> chains() {
        return ActionChain.<TransportModel>startWith(TransportModel::new)
                .withAction(4, sends())
                .withAction(8, deliveries())
                .withAction(2, Action.just("settle", Transformer.mutate("settle", TransportModel::settle)))
                .withAction(1, Action.just(Transformer.mutate("server sends USERAUTH_SUCCESS", TransportModel::authenticate)))
                .withAction(1, rekeys())
                .withAction(2, noise())
                .withAction(1, disconnects())
                .withMaxTransformations(50);
    }

    private static Action.Independent<TransportModel> sends() {
        return () -> Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 6000),
                Arbitraries.longs()).as((fromClient, size, seed) -> Transformer.mutate(
                        who(fromClient) + " sends " + size + " bytes", m -> m.send(fromClient, size, seed)));
    }

    private static Action.Independent<TransportModel> deliveries() {
        Arbitrary<Integer> chunks = Arbitraries.oneOf(Arbitraries.integers().between(1, 64),
                Arbitraries.integers().between(1, 70_000));
        return () -> Combinators.combine(Arbitraries.of(true, false), chunks).as((fromClient, chunk) -> Transformer.mutate(
                "deliver " + chunk + " bytes " + who(fromClient) + " to " + who(!fromClient),
                m -> m.deliver(fromClient, chunk)));
    }

    private static Action.Independent<TransportModel> rekeys() {
        return () -> Arbitraries.of(true, false).map(byClient -> Transformer.mutate(
                who(byClient) + " asks for a re-key", m -> m.requestRekey(byClient)));
    }

    private static Action.Independent<TransportModel> noise() {
        return () -> Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 300)).as((fromClient, ignore, size) -> Transformer.mutate(
                        who(fromClient) + " sends " + (ignore ? "IGNORE" : "DEBUG") + " " + size,
                        m -> m.noise(fromClient, ignore, size)));
    }

    private static Action.Independent<TransportModel> disconnects() {
        return () -> Arbitraries.of(true, false).map(byClient -> Transformer.mutate(
                who(byClient) + " disconnects", m -> m.disconnect(byClient)));
    }

    private static String who(boolean client) {
        return client ? "client" : "server";
    }
}
