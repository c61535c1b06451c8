package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No split packages: a package in two jars cannot be loaded on the module path, and an OSGi
 * framework would wire importers to only one of the halves.
 */
class PackageOwnershipTest {

    @Test
    void noPackageIsInTwoKeywayJars() {
        Map<String, List<String>> owners = new TreeMap<>();
        for (KeywayModule module : KeywayModule.values()) {
            for (String p : module.jar().descriptor().packages()) {
                owners.computeIfAbsent(p, k -> new ArrayList<>()).add(module.moduleName);
            }
        }
        owners.values().removeIf(modules -> modules.size() == 1);
        assertEquals(Map.of(), owners, "packages held by more than one jar");
    }

    @ParameterizedTest
    @EnumSource(KeywayModule.class)
    void everyPackageLiesUnderTheModuleName(KeywayModule module) {
        // Each module owns its root package, which keeps the first check true as modules are added.
        List<String> strays = module.jar().descriptor().packages().stream()
                .filter(p -> !p.equals(module.moduleName) && !p.startsWith(module.moduleName + "."))
                .sorted().toList();
        assertEquals(List.of(), strays, module.moduleName + " holds packages outside its root");
    }
}
