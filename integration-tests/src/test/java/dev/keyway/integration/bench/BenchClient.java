package dev.keyway.integration.bench;

/**
 * A client the benchmark times. Each call connects, exchanges keys, logs in by publickey, runs
 * one command and disconnects, as one {@code ssh host command} does; it returns only when the
 * command's result came back and was right, and throws otherwise.
 */
interface BenchClient extends AutoCloseable {
    /** The client column of a {@link Sample}. */
    String name();

    /** Sends {@code bytes} zero bytes to {@code wc -c} and checks the count it prints. */
    void upload(Target target, Crypto crypto, long bytes) throws Exception;

    /** Reads {@code head -c BYTES /dev/zero} and checks that all of it came. */
    void download(Target target, Crypto crypto, long bytes) throws Exception;

    /** Runs {@code true}. */
    void runTrue(Target target, Crypto crypto) throws Exception;

    /** Whether it runs in this JVM, where the JIT compiler must warm up before it is timed. */
    boolean inThisJvm();

    @Override
    default void close() {
    }
}
