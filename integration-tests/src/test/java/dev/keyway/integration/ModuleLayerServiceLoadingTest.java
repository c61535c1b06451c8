package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.keyway.api.spi.AlgorithmProvider;
import java.lang.module.Configuration;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
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
    private static final List<String> GUICE_LIBRARIES = List.of("guava", "failureaccess", "jakarta.inject-api",
            "aopalliance");
    private static ModuleLayer layer;

    @BeforeAll
    static void resolveKeywayModules() {
        // Only Keyway's modules and what they require: the test-only jars (JSch, MINA SSHD) stay
        // out, which matters because a resolved automatic module brings in every automatic one.
        ModuleFinder graph = ModuleFinder.of(RuntimeModules.ofKeyway().jars());
        Set<String> roots = KeywayModule.all().stream().map(KeywayModule::moduleName).collect(Collectors.toSet());
        // Guice is an automatic module, which declares nothing it needs: its own libraries are
        // named here, searched after Keyway's graph.
        ModuleFinder guiceLibraries = ModuleFinder.of(GUICE_LIBRARIES.stream().map(TestClassPath::jar).toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration().resolveAndBind(graph, guiceLibraries, roots);
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

    /**
     * dev.keyway.guice on the module path: Guice reaches the module's package-private factories
     * through its {@code opens … to com.google.guice}, and the ServiceLoader of KeywayModule finds
     * the layer's providers through its {@code uses} clause.
     */
    @Test
    void guiceBuildsARegistryOfTheLayersProviders() throws Exception {
        ClassLoader guice = layer.findLoader("com.google.guice");
        Class<?> moduleType = guice.loadClass("com.google.inject.Module");
        Object modules = Array.newInstance(moduleType, 1);
        Array.set(modules, 0, layer.findLoader("dev.keyway.guice").loadClass("dev.keyway.guice.KeywayModule")
                .getConstructor().newInstance());
        // Without its bytecode generation, which reaches any class through Unsafe, Guice calls
        // constructors by reflection: what the opens clause is for. The layer's Guice reads the
        // flag when its classes initialise, here; the class path's Guice has read it already.
        String flag = "guice_bytecode_gen_option";
        String before = System.setProperty(flag, "DISABLED");
        Object injector;
        try {
            injector = guice.loadClass("com.google.inject.Guice").getMethod("createInjector", modules.getClass())
                    .invoke(null, modules);
        } finally {
            if (before == null) {
                System.clearProperty(flag);
            } else {
                System.setProperty(flag, before);
            }
        }
        ClassLoader api = layer.findLoader("dev.keyway.api");
        Class<?> sourceType = api.loadClass("dev.keyway.api.AlgorithmSource");
        Object source = guice.loadClass("com.google.inject.Injector").getMethod("getInstance", Class.class)
                .invoke(injector, sourceType);
        Object registry = sourceType.getMethod("snapshot").invoke(source);
        Method name = api.loadClass(AlgorithmProvider.class.getName()).getMethod("name");
        Set<String> names = new TreeSet<>();
        for (Object provider : (List<?>) registry.getClass().getMethod("providers").invoke(registry)) {
            names.add((String) name.invoke(provider));
        }
        assertEquals(Set.of("jca", "bouncycastle", "userauth", "mlkem", "sntrup"), names);
    }
}
