package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A provider is registered three times, in module-info ({@code provides}) for the module path, in
 * {@code META-INF/services} for the class path, and as a Declarative Services component for an
 * OSGi framework (bnd's {@code OSGI-INF/*.xml} from the {@code @Component} annotation); all must
 * name the same class.
 */
class ProviderRegistrationTest {
    static final String SERVICE = "dev.keyway.api.spi.AlgorithmProvider";

    record ProviderJar(KeywayModule module, String implementation) {
    }

    static Stream<ProviderJar> providers() {
        return Stream.of(
                new ProviderJar(KeywayModule.PROVIDER_JCA, "dev.keyway.provider.jca.JcaAlgorithmProvider"),
                new ProviderJar(KeywayModule.PROVIDER_BOUNCYCASTLE,
                        "dev.keyway.provider.bouncycastle.BouncyCastleAlgorithmProvider"),
                new ProviderJar(KeywayModule.PROVIDER_USERAUTH,
                        "dev.keyway.provider.userauth.UserAuthAlgorithmProvider"),
                new ProviderJar(KeywayModule.PROVIDER_MLKEM, "dev.keyway.provider.mlkem.MlKemAlgorithmProvider"),
                new ProviderJar(KeywayModule.PROVIDER_SNTRUP, "dev.keyway.provider.sntrup.SntrupAlgorithmProvider"));
    }

    @Test
    void apiModuleDeclaresThatItUsesTheService() {
        // AlgorithmRegistry.loadDefault() calls ServiceLoader from dev.keyway.api; without
        // "uses" that call throws on the module path.
        assertTrue(KeywayModule.API.jar().descriptor().uses().contains(SERVICE));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void moduleDescriptorProvidesTheService(ProviderJar provider) {
        List<ModuleDescriptor.Provides> provides = provider.module().jar().descriptor().provides().stream()
                .filter(p -> p.service().equals(SERVICE)).toList();
        assertEquals(1, provides.size(), provider.module().moduleName + " has no provides " + SERVICE);
        assertEquals(List.of(provider.implementation()), provides.get(0).providers());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void servicesFileNamesTheSameClass(ProviderJar provider) {
        String file = provider.module().jar().entryText("META-INF/services/" + SERVICE)
                .orElseThrow(() -> new AssertionError(provider.module().artifactId
                        + " has no META-INF/services/" + SERVICE + ", so the class path cannot find it"));
        List<String> classes = Arrays.stream(file.split("\n"))
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .toList();
        assertEquals(List.of(provider.implementation()), classes);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void declarativeServicesComponentProvidesTheServiceWithTheSameClass(ProviderJar provider) {
        BuiltJar jar = provider.module().jar();
        String component = jar.header("Service-Component")
                .orElseThrow(() -> new AssertionError(jar.path() + " has no Service-Component header"));
        String xml = jar.entryText(component.trim())
                .orElseThrow(() -> new AssertionError(jar.path() + " lacks " + component));
        assertTrue(xml.contains("<provide interface=\"" + SERVICE + "\"/>"), xml);
        assertTrue(xml.contains("<implementation class=\"" + provider.implementation() + "\"/>"), xml);
        assertTrue(jar.header("Require-Capability").orElse("").contains("osgi.extender=osgi.component"),
                "without the extender requirement a framework lacking Declarative Services would start it to no effect");
    }
}
