package dev.keyway.net;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A driver that can only be made once something computed off the loop is ready: the loop's
 * thread never waits for it, nor runs the code that computes it. Until then the connection
 * neither reads nor writes (the peer's first bytes wait in the socket), and its timers still
 * run: a limit that runs out first closes the connection without a word, as nothing was said
 * yet. Once the value is there, {@code make} builds the real driver on the loop's thread,
 * unless the connection closed meanwhile; from then on everything passes through.
 *
 * <p>An SSH server uses it to take each connection's algorithm snapshot on another thread:
 * the source may be the embedder's code (RFC 4253 §7.1 needs the lists only for KEXINIT).
 *
 * @param <T> what the driver is made from
 */
public final class DeferredDriver<T> implements ProtocolDriver {
    private static final System.Logger LOG = System.getLogger("dev.keyway.net.DeferredDriver");
    private final CompletionStage<? extends T> ready;
    private final Function<? super T, ? extends ProtocolDriver> make;
    private State state = State.WAITING;
    private ProtocolDriver inner;

    private enum State {
        /** The value is not there yet: no input, no output. */
        WAITING,
        /** The real driver runs; every call goes to it. */
        RUNNING,
        /** The value failed, or the connection gave up before it came: the connection closes. */
        ABANDONED
    }

    /**
     * @param ready completes, on any thread, with what the driver is made from
     * @param make builds the driver on the loop's thread; not called if the connection is gone
     */
    public DeferredDriver(CompletionStage<? extends T> ready, Function<? super T, ? extends ProtocolDriver> make) {
        this.ready = ready;
        this.make = make;
    }

    @Override
    public void start(Connection connection) {
        ready.whenComplete((value, failure) -> {
            try {
                connection.execute(() -> arrived(connection, value, failure));
            } catch (IllegalStateException loopClosed) {
                // The loop is gone, and the connection with it.
            }
        });
    }

    private void arrived(Connection connection, T value, Throwable failure) {
        if (state != State.WAITING) {
            return;
        }
        if (failure != null) {
            LOG.log(Level.WARNING, "cannot serve a connection: " + failure);
            state = State.ABANDONED;
            return;
        }
        inner = make.apply(value);
        state = State.RUNNING;
        inner.start(connection);
    }

    private boolean running() {
        return state == State.RUNNING;
    }

    @Override
    public void onInput(byte[] buf, int off, int len) {
        inner.onInput(buf, off, len);
    }

    @Override
    public boolean wantsInput() {
        return running() && inner.wantsInput();
    }

    @Override
    public boolean onOutputFlushed() {
        return running() && inner.onOutputFlushed();
    }

    @Override
    public int drainOutput(ByteBuffer dst) {
        return running() ? inner.drainOutput(dst) : 0;
    }

    @Override
    public boolean hasOutput() {
        return running() && inner.hasOutput();
    }

    @Override
    public boolean isEstablished() {
        return running() && inner.isEstablished();
    }

    @Override
    public boolean isFinished() {
        return state == State.ABANDONED || running() && inner.isFinished();
    }

    @Override
    public void onTimeout(Timeout timeout) {
        if (running()) {
            inner.onTimeout(timeout);
        } else {
            state = State.ABANDONED;
        }
    }

    @Override
    public void onPeerClosed(String why) {
        if (running()) {
            inner.onPeerClosed(why);
        } else {
            state = State.ABANDONED;
        }
    }

    @Override
    public void onClosed() {
        if (running()) {
            inner.onClosed();
        } else {
            state = State.ABANDONED;
        }
    }
}
