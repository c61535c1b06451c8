package dev.keyway.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Module;
import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.AlgorithmSource;
import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.SshAlgorithm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The algorithm source {@link KeywayModule} binds: the providers ServiceLoader finds, those the
 * application adds through the multibinder, the provider order as an overridable default, and
 * what one connection's snapshot shares with the next.
 */
class ProviderSetSourceTest {
    private static final String GCM = "aes128-gcm@openssh.com";

    /** The JDK provider's AES-128-CTR, listed again by a provider of the application's own. */
    static final class Rebadged implements AlgorithmProvider {
        private static final SshAlgorithm CTR = AlgorithmRegistry.loadDefault()
                .find(AlgorithmCategory.CIPHER, "aes128-ctr").orElseThrow();

        @Override
        public String name() {
            return "rebadged";
        }

        @Override
        public int priority() {
            return 1000;
        }

        @Override
        public List<SshAlgorithm> algorithms() {
            return List.of(CTR);
        }
    }

    private static AlgorithmRegistry snapshot(Module... modules) {
        return Guice.createInjector(modules).getInstance(AlgorithmSource.class).snapshot();
    }

    @Test
    void theProvidersServiceLoaderFindsAreThereByDefault() {
        List<String> names = snapshot(new KeywayModule()).providers().stream().map(AlgorithmProvider::name).toList();
        assertTrue(names.containsAll(List.of("jca", "bouncycastle", "userauth")), names.toString());
    }

    @Test
    void aProviderAddedThroughTheMultibinderServesTheNamesItRanksFirstFor() {
        AlgorithmRegistry registry = snapshot(new KeywayModule(), new AbstractModule() {
            @Override
            protected void configure() {
                KeywayModule.providers(binder()).addBinding().to(Rebadged.class);
            }
        });
        assertEquals("rebadged", registry.providerName(AlgorithmCategory.CIPHER, "aes128-ctr").orElseThrow());
        assertEquals("jca", registry.providerName(AlgorithmCategory.CIPHER, "aes256-ctr").orElseThrow());
    }

    /** Priority by default: the JDK provider (200) serves AES-GCM before Bouncy Castle (100). */
    @Test
    void theProviderOrderIsPriorityUnlessTheApplicationBindsAPreference() {
        assertEquals("jca", snapshot(new KeywayModule()).providerName(AlgorithmCategory.CIPHER, GCM).orElseThrow());
        AlgorithmRegistry preferred = snapshot(new KeywayModule(), new AbstractModule() {
            @Override
            protected void configure() {
                KeywayModule.providerPreference(binder()).toInstance(ProviderPreference.of("bouncycastle"));
            }
        });
        assertEquals("bouncycastle", preferred.providerName(AlgorithmCategory.CIPHER, GCM).orElseThrow());
    }

    @Test
    void connectionsShareTheRegistryWhileTheSetHoldsTheSameInstances() {
        AlgorithmSource source = Guice.createInjector(new KeywayModule()).getInstance(AlgorithmSource.class);
        assertSame(source.snapshot(), source.snapshot());
    }

    /** An unscoped element is made again for each connection: the "dynamic" a fixed set allows. */
    @Test
    void anUnscopedProviderIsMadeAgainForEachConnection() {
        AlgorithmSource source = Guice.createInjector(new KeywayModule(), new AbstractModule() {
            @Override
            protected void configure() {
                KeywayModule.providers(binder()).addBinding().to(Rebadged.class);
            }
        }).getInstance(AlgorithmSource.class);
        AlgorithmRegistry first = source.snapshot();
        AlgorithmRegistry second = source.snapshot();
        assertNotSame(rebadged(first), rebadged(second));
        assertEquals(first.names(AlgorithmCategory.CIPHER), second.names(AlgorithmCategory.CIPHER));
    }

    private static AlgorithmProvider rebadged(AlgorithmRegistry registry) {
        return registry.providers().stream().filter(p -> p.name().equals("rebadged")).findFirst().orElseThrow();
    }

    @Test
    void installingTheModuleTwiceIsHarmless() {
        AlgorithmRegistry once = snapshot(new KeywayModule());
        AlgorithmRegistry twice = snapshot(new KeywayModule(), new KeywayModule());
        assertEquals(once.providers().size(), twice.providers().size());
    }
}
