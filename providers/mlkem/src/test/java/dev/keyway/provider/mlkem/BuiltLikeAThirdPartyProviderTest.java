package dev.keyway.provider.mlkem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The provider is built as a third party would build one (issue 9): its module reads the
 * public API and Bouncy Castle and nothing else of Keyway, exports only its provider class's
 * package, and is found by ServiceLoader through {@code provides} and META-INF/services alike.
 */
class BuiltLikeAThirdPartyProviderTest {

    private static ModuleDescriptor descriptor() throws Exception {
        Path classes = Path.of(MlKemAlgorithmProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void theModuleRequiresOnlyTheApiAndBouncyCastle() throws Exception {
        Set<String> requires = descriptor().requires().stream()
                .map(ModuleDescriptor.Requires::name)
                .filter(name -> !name.equals("java.base"))
                .collect(Collectors.toSet());
        // The Declarative Services annotations are read at build time only (requires static).
        assertEquals(Set.of("dev.keyway.api", "org.bouncycastle.provider", "org.osgi.service.component.annotations"),
                requires);
    }

    @Test
    void itExportsOnlyItsProviderPackageAndProvidesTheService() throws Exception {
        ModuleDescriptor module = descriptor();
        assertEquals("dev.keyway.provider.mlkem", module.name());
        assertEquals(Set.of("dev.keyway.provider.mlkem"),
                module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertEquals(1, module.provides().size());
        ModuleDescriptor.Provides provides = module.provides().iterator().next();
        assertEquals("dev.keyway.api.spi.AlgorithmProvider", provides.service());
        assertEquals(List.of(MlKemAlgorithmProvider.class.getName()), provides.providers());
        try (InputStream in = MlKemAlgorithmProvider.class
                .getResourceAsStream("/META-INF/services/dev.keyway.api.spi.AlgorithmProvider")) {
            assertEquals(MlKemAlgorithmProvider.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
