package dev.keyway.integration.osgi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.osgi.framework.Bundle;

/**
 * The test's handle on the probe client inside the framework: its static methods called by
 * reflection on the class the probe bundle loaded, with {@code java.*} arguments and results.
 */
final class ProbeClient {
    private static final String CLASS = "dev.keyway.integration.osgi.probe.FrameworkClient";
    private final Class<?> client;
    private final String fingerprint;

    /** @param fingerprint the SHA-256 fingerprint of the server's host key, which the probe checks */
    ProbeClient(Bundle probe, String fingerprint) throws ClassNotFoundException {
        this.client = probe.loadClass(CLASS);
        this.fingerprint = fingerprint;
    }

    /** Logs in with a password; empty {@code ciphers} offers the default ones. */
    int connect(int port, String user, String password, String ciphers) throws Exception {
        return (Integer) call("connect", port, fingerprint, user, password, ciphers);
    }

    /** Whether a password login succeeds: false when the server refuses it (the probe's AuthenticationException). */
    boolean logsIn(int port, String user, String password) throws Exception {
        try {
            close(connect(port, user, password, ""));
            return true;
        } catch (Exception e) {
            if (e.getClass().getSimpleName().equals("AuthenticationException")) {
                return false;
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    List<String> serverOffer(int session, String field) throws Exception {
        return (List<String>) call("serverOffer", session, field);
    }

    String cipherAndProvider(int session) throws Exception {
        return (String) call("cipherAndProvider", session);
    }

    String exec(int session, String command) throws Exception {
        return (String) call("exec", session, command);
    }

    int rekey(int session) throws Exception {
        return (Integer) call("rekey", session);
    }

    String providerNow(String category, String name) throws Exception {
        return (String) call("providerNow", category, name);
    }

    @SuppressWarnings("unchecked")
    List<String> providersNow() throws Exception {
        return (List<String>) call("providersNow");
    }

    void close(int session) throws Exception {
        call("close", session);
    }

    /** Calls the static method of that name; what it throws is thrown as it is. */
    private Object call(String name, Object... args) throws Exception {
        Method method = Arrays.stream(client.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the probe has no method " + name));
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception thrown) {
                throw thrown;
            }
            throw e;
        }
    }
}
