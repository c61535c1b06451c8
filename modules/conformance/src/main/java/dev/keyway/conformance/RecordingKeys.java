package dev.keyway.conformance;

import dev.keyway.api.spi.SshAlgorithm;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A cipher or MAC that tells a {@link SecretRecorder} each key and IV it is created with,
 * keeping the very arrays the caller handed over, and otherwise is the algorithm it wraps.
 * One proxy serves the three SPI types, whose {@code create} methods differ only in the
 * arguments around the key arrays.
 */
final class RecordingKeys {
    private RecordingKeys() {
    }

    /** {@code inner} seen through its SPI type {@code spi}, recording the byte arrays given to {@code create}. */
    static <T extends SshAlgorithm> T wrap(Class<T> spi, T inner, SecretRecorder recorder) {
        return spi.cast(Proxy.newProxyInstance(spi.getClassLoader(), new Class<?>[] {spi}, (proxy, method, args) -> {
            if (method.getName().equals("create")) {
                for (Object arg : args) {
                    if (arg instanceof byte[] key) {
                        recorder.derivedKey(key);
                    }
                }
            }
            try {
                return method.invoke(inner, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
