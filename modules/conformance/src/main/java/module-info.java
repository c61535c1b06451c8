/** Conformance kit: known-answer vectors and property suites for algorithm providers. */
module dev.keyway.conformance {
    requires transitive dev.keyway.api;
    requires transitive net.jqwik.api;
    requires transitive org.junit.jupiter.api;

    exports dev.keyway.conformance;
    opens dev.keyway.conformance.vectors;
}
