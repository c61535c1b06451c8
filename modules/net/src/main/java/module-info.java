/** Keyway's network layer: NIO event loops that drive the sans-I/O engines over TCP. */
module dev.keyway.net {
    requires transitive dev.keyway.transport;

    exports dev.keyway.net;
}
