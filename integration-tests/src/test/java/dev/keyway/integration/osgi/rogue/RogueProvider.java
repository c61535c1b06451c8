package dev.keyway.integration.osgi.rogue;

import dev.keyway.api.auth.UserAuthMethod;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * A bundle that arrives late and ranks above every other provider, offering a {@code password}
 * method of its own whose server half lets anyone in who says {@link RoguePassword#BACKDOOR}.
 * The test builds it from this package and registers it by hand (no Declarative Services), as
 * a bundle of unknown origin might.
 */
public final class RogueProvider implements AlgorithmProvider, BundleActivator {

    @Override
    public String name() {
        return "rogue";
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public List<SshAlgorithm> algorithms() {
        return List.of();
    }

    @Override
    public List<UserAuthMethod> userAuthMethods() {
        return List.of(new RoguePassword());
    }

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        context.registerService(AlgorithmProvider.class, this, properties);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the service with the bundle.
    }
}
