package dev.keyway.integration.hostile;

import java.io.IOException;

/**
 * One entry of the hostile-peer catalogue: an input no honest peer sends, the rule it breaks
 * or tests, and what the server under attack must do about it.
 *
 * @param name what the case is, short and unique
 * @param layer the layer it attacks
 * @param stage how far the attacker goes as an honest client first
 * @param setup the attacker's own engine
 * @param input the crafted input, in words
 * @param rule where the expected behaviour comes from: "RFC 4253 §6.1", "OpenSSH PROTOCOL strict KEX", ...
 * @param attack what the attacker sends, in code
 * @param outcome what the server must answer, and whether the session goes on
 */
record HostileCase(String name, Layer layer, Stage stage, PeerSetup setup, String input, String rule, Attack attack,
        Outcome outcome) {

    /** The crafted input, sent once the stage is reached; it may read the answers to its own setup. */
    @FunctionalInterface
    interface Attack {
        void run(HostilePeer peer) throws IOException;
    }

    /** The same case expecting another outcome: for showing that a wrong expectation fails. */
    HostileCase expecting(Outcome other) {
        return new HostileCase(name, layer, stage, setup, input, rule, attack, other);
    }

    /** The same case with the attacker's engine set up otherwise. */
    HostileCase with(PeerSetup other) {
        return new HostileCase(name, layer, stage, other, input, rule, attack, outcome);
    }

    @Override
    public String toString() {
        return layer + ": " + name;
    }
}
