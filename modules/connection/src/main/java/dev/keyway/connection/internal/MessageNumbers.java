package dev.keyway.connection.internal;

/** The message numbers of the connection protocol (RFC 4254 §9). */
final class MessageNumbers {
    static final int GLOBAL_REQUEST = 80;
    static final int REQUEST_SUCCESS = 81;
    static final int REQUEST_FAILURE = 82;
    static final int CHANNEL_OPEN = 90;
    static final int CHANNEL_OPEN_CONFIRMATION = 91;
    static final int CHANNEL_OPEN_FAILURE = 92;
    static final int CHANNEL_WINDOW_ADJUST = 93;
    static final int CHANNEL_DATA = 94;
    static final int CHANNEL_EXTENDED_DATA = 95;
    static final int CHANNEL_EOF = 96;
    static final int CHANNEL_CLOSE = 97;
    static final int CHANNEL_REQUEST = 98;
    static final int CHANNEL_SUCCESS = 99;
    static final int CHANNEL_FAILURE = 100;

    private MessageNumbers() {
    }
}
