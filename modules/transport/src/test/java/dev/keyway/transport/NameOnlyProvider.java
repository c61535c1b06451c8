package dev.keyway.transport;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.BulkCipherAlgorithm;
import dev.keyway.api.spi.CompressionAlgorithm;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.MacAlgorithm;
import dev.keyway.api.spi.SignatureAlgorithm;
import dev.keyway.api.spi.SshAlgorithm;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider whose algorithms are names and nothing else, for tests of policy and
 * negotiation where no byte is ever encrypted. Any call other than {@code name()} and
 * {@code isSupported()} fails, so a test that wrongly depends on one notices.
 */
public final class NameOnlyProvider implements AlgorithmProvider {
    private final String name;
    private final List<SshAlgorithm> algorithms = new ArrayList<>();

    public NameOnlyProvider(String name) {
        this.name = name;
    }

    public NameOnlyProvider with(AlgorithmCategory category, String... names) {
        for (String n : names) {
            algorithms.add(algorithm(category, n));
        }
        return this;
    }

    public static SshAlgorithm algorithm(AlgorithmCategory category, String algorithmName) {
        Class<? extends SshAlgorithm> type = switch (category) {
            case KEY_EXCHANGE -> KeyExchangeAlgorithm.class;
            case HOST_KEY -> SignatureAlgorithm.class;
            case CIPHER -> BulkCipherAlgorithm.class;
            case MAC -> MacAlgorithm.class;
            case COMPRESSION -> CompressionAlgorithm.class;
        };
        return type.cast(Proxy.newProxyInstance(NameOnlyProvider.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> algorithmName;
                    case "isSupported" -> true;
                    case "toString" -> category + ":" + algorithmName;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName() + " on a name-only fixture");
                }));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SshAlgorithm> algorithms() {
        return List.copyOf(algorithms);
    }
}
