package dev.keyway.provider.sntrup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.spi.AlgorithmProvider;
import dev.keyway.api.spi.KeyExchangeAlgorithm;
import dev.keyway.api.spi.SshAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The provider is built as a third party would build it: its module reads Keyway's public API
 * and Bouncy Castle and nothing else of Keyway, and offers itself only through the SPI.
 */
class ModuleNeedsOnlyTheApiTest {

    @Test
    void moduleRequiresTheApiAndBouncyCastleOnly() throws IOException, URISyntaxException {
        ModuleDescriptor module = descriptor();
        Map<String, Set<ModuleDescriptor.Requires.Modifier>> requires = module.requires().stream()
                .filter(r -> !r.name().equals("java.base"))
                .collect(Collectors.toMap(ModuleDescriptor.Requires::name, ModuleDescriptor.Requires::modifiers));
        assertEquals(Map.of("dev.keyway.api", Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE),
                "org.bouncycastle.provider", Set.of(),
                // Declarative Services annotations, read at build time only (docs/osgi.md).
                "org.osgi.service.component.annotations", Set.of(ModuleDescriptor.Requires.Modifier.STATIC)), requires);
    }

    @Test
    void moduleExportsItsProviderAndProvidesTheService() throws IOException, URISyntaxException {
        ModuleDescriptor module = descriptor();
        assertEquals("dev.keyway.provider.sntrup", module.name());
        assertEquals(Set.of("dev.keyway.provider.sntrup"),
                module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertEquals(1, module.provides().size());
        ModuleDescriptor.Provides provides = module.provides().iterator().next();
        assertEquals(AlgorithmProvider.class.getName(), provides.service());
        assertEquals(List.of(SntrupAlgorithmProvider.class.getName()), provides.providers());
    }

    @Test
    void providerOffersTheMethodUnderBothNames() {
        List<String> names = new SntrupAlgorithmProvider().algorithms().stream()
                .filter(KeyExchangeAlgorithm.class::isInstance).map(SshAlgorithm::name).toList();
        assertEquals(List.of("sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com"), names);
    }

    /** The compiled module-info of this module, next to the provider's class. */
    private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
        Path classes = Path.of(SntrupAlgorithmProvider.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }
}
