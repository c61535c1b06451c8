package dev.keyway.integration.hostile;

import dev.keyway.transport.TransportEvent;
import java.io.IOException;

/**
 * How far the attacker goes as an honest client before it crafts anything, and the follow-up
 * exchange that shows the session still works after an input the server refused or ignored:
 * the next step an honest client would take from there, whose answer must be the server's very
 * next reaction.
 */
enum Stage {
    /** Nothing sent yet: the case writes the first bytes itself, identification included. */
    CONNECTED("connected", p -> { }, p -> {
        throw new AssertionError("a case that writes its own first bytes cannot go on as an honest client");
    }),
    /** The identification string and KEXINIT are out; the server is in the first exchange. */
    KEXINIT_SENT("after KEXINIT", HostilePeer::flush, Stage::keysThenService),
    /** SSH_MSG_KEX_ECDH_INIT is out too: the server replied, sent NEWKEYS and awaits ours. */
    ECDH_INIT_SENT("after ECDH_INIT", p -> {
        p.flush();
        // The server's KEXINIT makes the engine queue its ECDH_INIT, sent before the event comes out.
        p.awaitTransport(TransportEvent.KexInitReceived.class, "the server's KEXINIT");
    }, Stage::keysThenService),
    /** The first key exchange is complete both ways; no service requested yet. */
    KEYS("keys in force", p -> {
        p.flush();
        p.awaitKeys();
    }, Stage::requestService),
    /** SERVICE_ACCEPT for ssh-userauth came; nobody is logged in. */
    USERAUTH("user authentication", p -> {
        KEYS.reach(p);
        requestService(p);
    }, Stage::logIn),
    /** Logged in; no channel open. */
    CONNECTION("logged in", p -> {
        USERAUTH.reach(p);
        logIn(p);
    }, Stage::globalRequest),
    /** Logged in with a session channel open (2 MiB window, 32 KiB packets), nothing asked on it. */
    CHANNEL("on an open channel", p -> {
        CONNECTION.reach(p);
        p.channel(p.openSession(2 * 1024 * 1024, 32 * 1024));
    }, Stage::envOnTheChannel);

    private final String description;
    private final Step reach;
    private final Step probe;

    Stage(String description, Step reach, Step probe) {
        this.description = description;
        this.reach = reach;
        this.probe = probe;
    }

    /** One step of an honest client. */
    @FunctionalInterface
    private interface Step {
        void run(HostilePeer peer) throws IOException;
    }

    /** Where the case starts, as the catalogue lists it. */
    String description() {
        return description;
    }

    /** Talks as an honest client up to this stage. */
    void reach(HostilePeer peer) throws IOException {
        reach.run(peer);
    }

    /** The follow-up exchange; fails unless its answer is the server's next reaction. */
    void probe(HostilePeer peer) throws IOException {
        probe.run(peer);
    }

    /** The first exchange completes, then the service request is accepted. */
    private static void keysThenService(HostilePeer peer) throws IOException {
        peer.awaitKeys();
        requestService(peer);
    }

    /** RFC 4253 §10: the user authentication service is accepted. */
    private static void requestService(HostilePeer peer) throws IOException {
        peer.send(Wire.serviceRequest(Wire.USERAUTH));
        peer.expect(Wire.SERVICE_ACCEPT, "SERVICE_ACCEPT");
    }

    /**
     * RFC 4252 §8: the user logs in with the right password; after a partial success with the
     * key, which leaves only keyboard-interactive, with the password as its answer (RFC 4256).
     */
    private static void logIn(HostilePeer peer) throws IOException {
        peer.send(Wire.password(TargetServer.USER, TargetServer.PASSWORD));
        TransportEvent answer = peer.next();
        if (Reply.userAuthFailure(false, "keyboard-interactive").matches(answer, peer)) {
            peer.send(Wire.keyboardInteractive(TargetServer.USER));
            peer.expect(Wire.USERAUTH_INFO_REQUEST, "USERAUTH_INFO_REQUEST");
            peer.send(Wire.infoResponse(TargetServer.PASSWORD));
            answer = peer.next();
        }
        Reply.message(Wire.USERAUTH_SUCCESS, "USERAUTH_SUCCESS").verify(answer, peer);
    }

    /** RFC 4254 §4: a global request nobody knows gets REQUEST_FAILURE. */
    private static void globalRequest(HostilePeer peer) throws IOException {
        peer.send(Wire.globalRequest("probe@keyway.dev", true));
        peer.expect(Wire.REQUEST_FAILURE, "REQUEST_FAILURE");
    }

    /** RFC 4254 §6.4: on the stage's channel, an accepted variable gets CHANNEL_SUCCESS. */
    private static void envOnTheChannel(HostilePeer peer) throws IOException {
        peer.send(Wire.env(peer.channel(), "LANG", "C", true));
        peer.expect(Wire.CHANNEL_SUCCESS, "CHANNEL_SUCCESS");
    }
}
