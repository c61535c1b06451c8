package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.keyway.api.spi.AlgorithmProvider;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
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
        List<Path> keyway = new ArrayList<>();
        for (KeywayModule m : KeywayModule.values()) {
            keyway.add(m.jar().path());
        }
        // Bouncy Castle: bcprov for the bouncycastle provider, bcpkix and bcutil for keyway-keys.
        for (String bouncyCastle : List.of("bcprov-jdk18on", "bcpkix-jdk18on", "bcutil-jdk18on")) {
            keyway.add(TestClassPath.jar(bouncyCastle));
        }
        // The conformance kit requires JUnit and jqwik; they come from the rest of the class
        // path, searched only after the Keyway jars and Bouncy Castle.
        // JSch, MINA SSHD and SLF4J are only peers for the interop tests, and Felix, its bundles
        // and bnd only run the OSGi tests: none is a library a Keyway module may use, and MINA's
        // sshd-common and sshd-core split packages, as do bnd's bndlib and bnd.util, which a
        // layer refuses.
        ModuleFinder libraries = ModuleFinder.of(TestClassPath.jarsExcept(keyway).stream()
                .filter(p -> !isTestTool(p)).toArray(Path[]::new));
        Set<String> roots = Arrays.stream(KeywayModule.values()).map(m -> m.moduleName)
                .collect(Collectors.toSet());
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(ModuleFinder.of(keyway.toArray(Path[]::new)), libraries, roots);
        // The platform loader as parent: classes the layer does not hold cannot leak in from
        // the application class path.
        layer = ModuleLayer.boot().defineModulesWithManyLoaders(configuration, ClassLoader.getPlatformClassLoader());
    }

    private static boolean isTestTool(Path jar) {
        String name = jar.getFileName().toString();
        return name.startsWith("jsch-") || name.startsWith("sshd-") || name.startsWith("slf4j-")
                || name.startsWith("org.apache.felix.") || name.startsWith("org.osgi.") || name.startsWith("biz.aQute.");
    }

    @Test
    void everyKeywayModuleIsResolvedFromItsJar() {
        for (KeywayModule m : KeywayModule.values()) {
            Module module = layer.findModule(m.moduleName)
                    .orElseThrow(() -> new AssertionError(m.moduleName + " not in the layer"));
            assertEquals(m.jar().path().toUri(),
                    layer.configuration().findModule(m.moduleName).orElseThrow().reference().location().orElseThrow(),
                    m.moduleName + " resolved from elsewhere");
            assertSame(layer, module.getLayer());
        }
    }

    @Test
    void serviceLoaderFindsEveryProviderInItsModule() throws Exception {
        Class<?> spi = layer.findLoader("dev.keyway.api").loadClass(AlgorithmProvider.class.getName());
        assertNotSame(AlgorithmProvider.class, spi, "SPI type came from the class path, not the layer");
        assertEquals("dev.keyway.api", spi.getModule().getName());

        Map<String, String> moduleByProviderName = new TreeMap<>();
        for (Object provider : ServiceLoader.load(layer, spi)) {
            String name = (String) spi.getMethod("name").invoke(provider);
            // Listing the algorithms links the provider's classes, so a missing "requires"
            // (bcprov for bouncycastle) fails here rather than in a user's session.
            spi.getMethod("algorithms").invoke(provider);
            spi.getMethod("userAuthMethods").invoke(provider);
            moduleByProviderName.put(name, provider.getClass().getModule().getName());
        }
        assertEquals(Map.of("jca", "dev.keyway.provider.jca",
                        "bouncycastle", "dev.keyway.provider.bouncycastle",
                        "userauth", "dev.keyway.provider.userauth",
                        "mlkem", "dev.keyway.provider.mlkem",
                        "sntrup", "dev.keyway.provider.sntrup"),
                moduleByProviderName);
    }
}
