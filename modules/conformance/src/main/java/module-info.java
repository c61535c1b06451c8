/** Conformance kit: known-answer vectors and property suites for algorithm providers. */
module dev.keyway.conformance {
    requires transitive dev.keyway.api;
    requires transitive net.jqwik.api;
    requires transitive org.junit.jupiter.api;
    // Per-thread allocation counts bound what a decoder may allocate on hostile input.
    requires jdk.management;

    exports dev.keyway.conformance;
    opens dev.keyway.conformance.vectors;
}
