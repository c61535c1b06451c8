package dev.keyway.integration.hostile;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A family of catalogue cases that differ in one number (a message number, say): run one by
 * one, listed in the documentation as one row.
 *
 * @param name the family
 * @param input the inputs, in words (which numbers, which are left out and why)
 * @param cases one case per number; they share layer, stage, rule and outcome
 */
record Sweep(String name, String input, List<HostileCase> cases) {
    Sweep {
        cases = List.copyOf(cases);
        HostileCase first = cases.get(0);
        for (HostileCase c : cases) {
            if (c.layer() != first.layer() || c.stage() != first.stage() || !c.rule().equals(first.rule())
                    || !c.outcome().equals(first.outcome())) {
                throw new IllegalArgumentException(name + ": " + c + " differs from the rest of its sweep");
            }
        }
    }

    /** The layer, stage, rule and outcome its cases share. */
    HostileCase first() {
        return cases.get(0);
    }

    /** Message numbers that no RFC assigns: nobody recognises them (RFC 4253 §11.4, RFC 4250 §4.1.2). */
    static Sweep unassigned(String range, IntStream numbers, Layer layer, Stage stage, String when) {
        Outcome outcome = Outcome.replied(Reply.unimplemented());
        List<HostileCase> cases = numbers.mapToObj(n -> {
            byte[] message = Wire.message(n, 0, 0, 0, 0);
            return new HostileCase("message " + n + " " + when, layer, stage, PeerSetup.DEFAULT, "message " + n,
                    "RFC 4253 §11.4; RFC 4250 §4.1.2", p -> p.sendRaw(message), outcome);
        }).toList();
        return new Sweep("unassigned numbers " + when + ": " + range, range + ", with four zero bytes", cases);
    }
}
