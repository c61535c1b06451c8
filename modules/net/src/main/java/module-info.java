/** Keyway's network layer: NIO event loops that drive the sans-I/O engines over TCP. */
module dev.keyway.net {
    requires transitive dev.keyway.transport;
    // Only so that the JDK's extended socket options (TCP_QUICKACK, Connection) exist when an
    // application starts from the module path, where a JDK module nobody requires is left out.
    // They are looked up by name, so no package of it is imported (nor needed in OSGi).
    requires jdk.net;

    exports dev.keyway.net;
}
