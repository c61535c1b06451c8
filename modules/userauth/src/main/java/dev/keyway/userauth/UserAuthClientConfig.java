package dev.keyway.userauth;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.userauth.internal.TypedInstances;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link UserAuthClient} needs: the user name, the service to start (RFC 4252 §5,
 * {@code ssh-connection}), the credentials its methods look up by type, the order to try
 * methods in, and the server's {@code server-sig-algs} (RFC 8308 §3.1). Immutable.
 */
public final class UserAuthClientConfig {
    /** OpenSSH's default PreferredAuthentications, without the GSSAPI methods. */
    public static final List<String> DEFAULT_METHOD_ORDER = List.of("publickey", "keyboard-interactive", "password");
    /** The service user authentication is for (RFC 4254). */
    public static final String SSH_CONNECTION = "ssh-connection";

    final AlgorithmRegistry registry;
    final byte[] sessionId;
    final String userName;
    final String serviceName;
    final List<String> methodOrder;
    final List<String> serverSigAlgs;
    final SecureRandom random;
    final TypedInstances credentials;

    private UserAuthClientConfig(Builder b) {
        registry = b.registry;
        sessionId = b.sessionId.clone();
        userName = b.userName;
        serviceName = b.serviceName;
        methodOrder = List.copyOf(b.methodOrder);
        serverSigAlgs = List.copyOf(b.serverSigAlgs);
        random = b.random;
        credentials = TypedInstances.of(b.credentials);
    }

    /**
     * @param sessionId the transport's session identifier (RFC 4253 §7.2)
     * @param userName the user to log in as
     */
    public static Builder builder(AlgorithmRegistry registry, byte[] sessionId, String userName) {
        return new Builder(registry, sessionId, userName);
    }

    public String userName() {
        return userName;
    }

    public List<String> methodOrder() {
        return methodOrder;
    }

    /** Collects the settings. */
    public static final class Builder {
        private final AlgorithmRegistry registry;
        private final byte[] sessionId;
        private final String userName;
        private String serviceName = SSH_CONNECTION;
        private List<String> methodOrder = DEFAULT_METHOD_ORDER;
        private List<String> serverSigAlgs = List.of();
        private SecureRandom random;
        private final Map<Class<?>, Object> credentials = new LinkedHashMap<>();

        private Builder(AlgorithmRegistry registry, byte[] sessionId, String userName) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.sessionId = Objects.requireNonNull(sessionId, "sessionId").clone();
            this.userName = Objects.requireNonNull(userName, "userName");
        }

        /** The service to start; {@code ssh-connection} unless a test wants another. */
        public Builder serviceName(String name) {
            serviceName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The methods to try, preferred first; only those the server lists are tried. */
        public Builder methodOrder(String... names) {
            methodOrder = List.of(names);
            return this;
        }

        /** The server's {@code server-sig-algs} from EXT_INFO (RFC 8308 §3.1), if it sent one. */
        public Builder serverSignatureAlgorithms(List<String> names) {
            serverSigAlgs = List.copyOf(names);
            return this;
        }

        /** Randomness for signatures (ECDSA); a new {@link SecureRandom} if not given. */
        public Builder random(SecureRandom source) {
            random = Objects.requireNonNull(source, "source");
            return this;
        }

        /** A credential a method looks up by its interface, e.g. {@code PasswordSource.class}. */
        public <T> Builder credential(Class<T> type, T credential) {
            credentials.put(type, type.cast(Objects.requireNonNull(credential, "credential")));
            return this;
        }

        public UserAuthClientConfig build() {
            if (random == null) {
                random = new SecureRandom();
            }
            return new UserAuthClientConfig(this);
        }
    }
}
