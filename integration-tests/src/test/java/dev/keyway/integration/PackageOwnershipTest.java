package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No split packages: a package in two jars cannot be loaded on the module path, and an OSGi
 * framework would wire importers to only one of the halves.
 */
class PackageOwnershipTest {

    @Test
    void noPackageIsInTwoModulesOfKeywaysRuntimeGraph() {
        // Keyway's jars and what they require (Bouncy Castle, picocli, ...): the module path a user has.
        Map<String, Set<String>> owners = RuntimeModules.ofKeyway().packageOwners();
        owners.values().removeIf(modules -> modules.size() == 1);
        assertEquals(Map.of(), owners, "packages held by more than one module");
    }

    @ParameterizedTest
    @MethodSource("dev.keyway.integration.KeywayModule#all")
    void everyPackageLiesUnderTheModuleName(KeywayModule module) {
        // Each module owns its root package, which keeps the first check true as modules are added.
        List<String> strays = module.jar().descriptor().packages().stream()
                .filter(p -> !p.equals(module.moduleName()) && !p.startsWith(module.moduleName() + "."))
                .sorted().toList();
        assertEquals(List.of(), strays, module.moduleName() + " holds packages outside its root");
    }
}
