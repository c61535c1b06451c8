package dev.keyway.integration.hostile;

/** The protocol layer a catalogue case attacks (RFC 4251 §1). */
enum Layer {
    /** RFC 4253: the version exchange, packets, key exchange and the transport's own messages. */
    TRANSPORT,
    /** RFC 4252: the service request and user authentication. */
    USERAUTH,
    /** RFC 4254: global requests and channels. */
    CONNECTION
}
