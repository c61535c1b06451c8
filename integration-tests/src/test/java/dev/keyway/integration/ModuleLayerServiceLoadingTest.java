package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.keyway.api.spi.AlgorithmProvider;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jars resolve as real modules, and ServiceLoader finds the providers through their
 * {@code provides} clauses. The test itself runs on the class path, so it builds its own
 * layer; nothing in the layer may come from the class path, or the check would prove nothing.
 */
class ModuleLayerServiceLoadingTest {
    private static ModuleLayer layer;

    @BeforeAll
    static void resolveKeywayModules() {
        // Only Keyway's modules and what they require: the test-only jars (JSch, MINA SSHD) stay
        // out, which matters because a resolved automatic module brings in every automatic one.
        ModuleFinder graph = ModuleFinder.of(RuntimeModules.ofKeyway().jars());
        Set<String> roots = KeywayModule.all().stream().map(KeywayModule::moduleName).collect(Collectors.toSet());
        Configuration configuration = ModuleLayer.boot().configuration().resolveAndBind(graph, ModuleFinder.of(), roots);
        // The platform loader as parent: classes the layer does not hold cannot leak in from
        // the application class path.
        layer = ModuleLayer.boot().defineModulesWithManyLoaders(configuration, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void everyKeywayModuleIsResolvedFromItsJar() {
        for (KeywayModule m : KeywayModule.all()) {
            Module module = layer.findModule(m.moduleName())
                    .orElseThrow(() -> new AssertionError(m.moduleName() + " not in the layer"));
            assertEquals(m.jar().path().toUri(),
                    layer.configuration().findModule(m.moduleName()).orElseThrow().reference().location().orElseThrow(),
                    m.moduleName() + " resolved from elsewhere");
            assertSame(layer, module.getLayer());
        }
    }

    @Test
    void serviceLoaderFindsAProviderInEveryProviderModule() throws Exception {
        Class<?> spi = layer.findLoader("dev.keyway.api").loadClass(AlgorithmProvider.class.getName());
        assertNotSame(AlgorithmProvider.class, spi, "SPI type came from the class path, not the layer");
        assertEquals("dev.keyway.api", spi.getModule().getName());

        Set<String> modulesWithAProvider = new TreeSet<>();
        for (Object provider : ServiceLoader.load(layer, spi)) {
            // Listing the algorithms links the provider's classes, so a missing "requires"
            // (bcprov for bouncycastle) fails here rather than in a user's session.
            spi.getMethod("algorithms").invoke(provider);
            spi.getMethod("userAuthMethods").invoke(provider);
            modulesWithAProvider.add(provider.getClass().getModule().getName());
        }
        assertEquals(KeywayModule.providers().stream().map(KeywayModule::moduleName)
                        .collect(Collectors.toCollection(TreeSet::new)), modulesWithAProvider);
    }
}
