package dev.keyway.integration.guice;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.CipherDirection;
import dev.keyway.api.spi.MacAlgorithm;
import dev.keyway.api.spi.SshAlgorithm;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A provider as a third party writes one and an application adds it through Guice's
 * multibinder: {@value #CIPHER} and {@value #MAC} under their standard names, ranked above every
 * built-in provider so that it serves them, doing the work with the built-in implementations
 * and counting it, so a test can tell that it served a session. Public for the OpenSSH tests
 * ({@code …integration.openssh}).
 */
public final class CountingProvider implements AlgorithmProvider {
    public static final String NAME = "counting";
    public static final String CIPHER = "aes256-ctr";
    public static final String MAC = "hmac-sha2-512";

    private final Map<CipherDirection, AtomicLong> cipherCalls = new EnumMap<>(Map.of(
            CipherDirection.ENCRYPT, new AtomicLong(), CipherDirection.DECRYPT, new AtomicLong()));
    private final AtomicLong macCalls = new AtomicLong();
    private final List<SshAlgorithm> algorithms;

    public CountingProvider() {
        AlgorithmRegistry builtIn = AlgorithmRegistry.loadDefault();
        algorithms = List.of(
                counting(BulkCipherAlgorithm.class, (BulkCipherAlgorithm) builtIn.cipher(CIPHER).orElseThrow(),
                        createArgs -> cipherCalls.get((CipherDirection) createArgs[0])),
                counting(MacAlgorithm.class, builtIn.mac(MAC).orElseThrow(), createArgs -> macCalls));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Above the JDK provider's 200 and Bouncy Castle's 100. */
    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public List<SshAlgorithm> algorithms() {
        return algorithms;
    }

    /** Calls of this provider's ciphers keyed to encrypt (packets sent) so far. */
    public long encryptCalls() {
        return cipherCalls.get(CipherDirection.ENCRYPT).get();
    }

    /** Calls of this provider's ciphers keyed to decrypt (packets received) so far. */
    public long decryptCalls() {
        return cipherCalls.get(CipherDirection.DECRYPT).get();
    }

    /** MACs this provider computed, to send or to check, so far. */
    public long macCalls() {
        return macCalls.get();
    }

    /**
     * {@code builtIn} seen through its SPI type; each keyed instance its {@code create} makes
     * counts the calls of its one method into the counter chosen from {@code create}'s arguments.
     */
    private static <T extends SshAlgorithm> T counting(Class<T> spi, T builtIn, Function<Object[], AtomicLong> counterFor) {
        return spi.cast(Proxy.newProxyInstance(spi.getClassLoader(), new Class<?>[] {spi}, (proxy, method, args) -> {
            Object made = invoke(method, builtIn, args);
            if (!method.getName().equals("create")) {
                return made;
            }
            AtomicLong counter = counterFor.apply(args);
            Class<?> keyed = method.getReturnType();
            return Proxy.newProxyInstance(keyed.getClassLoader(), new Class<?>[] {keyed}, (p, m, a) -> {
                if (m.getDeclaringClass() == keyed) {
                    counter.incrementAndGet();
                }
                return invoke(m, made, a);
            });
        }));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
