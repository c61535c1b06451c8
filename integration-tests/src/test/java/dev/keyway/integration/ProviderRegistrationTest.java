package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every provider module ({@code keyway-provider-*}) registers its provider three times, in
 * module-info ({@code provides}) for the module path, in {@code META-INF/services} for the
 * class path, and as a Declarative Services component for an OSGi framework (bnd's
 * {@code OSGI-INF/*.xml} from the {@code @Component} annotation); all must name the same classes.
 */
class ProviderRegistrationTest {
    static final String SERVICE = "dev.keyway.api.spi.AlgorithmProvider";

    @Test
    void apiModuleDeclaresThatItUsesTheService() {
        // AlgorithmRegistry.loadDefault() calls ServiceLoader from dev.keyway.api; without
        // "uses" that call throws on the module path.
        assertTrue(KeywayModule.of("keyway-api").jar().descriptor().uses().contains(SERVICE));
    }

    @Test
    void theBuildHasProviderModules() {
        // Guards the parameterized tests below, which would pass on an empty list.
        assertFalse(KeywayModule.providers().isEmpty(), "no keyway-provider-* in the BOM");
    }

    @ParameterizedTest
    @MethodSource("dev.keyway.integration.KeywayModule#providers")
    void moduleDescriptorProvidesTheService(KeywayModule provider) {
        List<String> implementations = implementations(provider);
        assertFalse(implementations.isEmpty(), provider + " has no provides " + SERVICE);
    }

    @ParameterizedTest
    @MethodSource("dev.keyway.integration.KeywayModule#providers")
    void servicesFileNamesTheSameClasses(KeywayModule provider) {
        String file = provider.jar().entryText("META-INF/services/" + SERVICE)
                .orElseThrow(() -> new AssertionError(provider.artifactId()
                        + " has no META-INF/services/" + SERVICE + ", so the class path cannot find it"));
        List<String> classes = Arrays.stream(file.split("\n"))
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .sorted()
                .toList();
        assertEquals(implementations(provider), classes);
    }

    /** The classes the module-info names for the service, sorted. */
    private static List<String> implementations(KeywayModule provider) {
        return provider.jar().descriptor().provides().stream()
                .filter(p -> p.service().equals(SERVICE))
                .flatMap(p -> p.providers().stream())
                .sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("dev.keyway.integration.KeywayModule#providers")
    void declarativeServicesComponentProvidesTheServiceWithTheSameClass(KeywayModule provider) {
        BuiltJar jar = provider.jar();
        String component = jar.header("Service-Component")
                .orElseThrow(() -> new AssertionError(jar.path() + " has no Service-Component header"));
        String xml = jar.entryText(component.trim())
                .orElseThrow(() -> new AssertionError(jar.path() + " lacks " + component));
        assertTrue(xml.contains("<provide interface=\"" + SERVICE + "\"/>"), xml);
        for (String implementation : implementations(provider)) {
            assertTrue(xml.contains("<implementation class=\"" + implementation + "\"/>"), xml);
        }
        assertTrue(jar.header("Require-Capability").orElse("").contains("osgi.extender=osgi.component"),
                "without the extender requirement a framework lacking Declarative Services would start it to no effect");
    }
}
