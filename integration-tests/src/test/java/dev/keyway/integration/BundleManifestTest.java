package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OSGi manifest bnd generates says the same as module-info: one name, one set of public
 * packages. The two are written separately (module-info.java and the {@code keyway.exports}
 * POM property), so they can drift; this is where drift is caught.
 */
class BundleManifestTest {

    @ParameterizedTest
    @MethodSource("dev.keyway.integration.KeywayModule#all")
    void bundleSymbolicNameIsTheModuleName(KeywayModule module) {
        BuiltJar jar = module.jar();
        String header = jar.header("Bundle-SymbolicName")
                .orElseThrow(() -> new AssertionError(jar.path() + " has no Bundle-SymbolicName"));
        assertEquals(jar.descriptor().name(), OsgiHeader.symbolicName(header));
    }

    @ParameterizedTest
    @MethodSource("dev.keyway.integration.KeywayModule#all")
    void bundleManifestVersionIsTwo(KeywayModule module) {
        // Version 2 is OSGi R4+ semantics; without it a framework reads the bundle as R3.
        assertEquals("2", module.jar().header("Bundle-ManifestVersion").orElse("(absent)"));
    }

    @ParameterizedTest
    @MethodSource("dev.keyway.integration.KeywayModule#all")
    void exportPackageEqualsTheModulesUnqualifiedExports(KeywayModule module) {
        BuiltJar jar = module.jar();
        Set<String> moduleExports = jar.descriptor().exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        Set<String> bundleExports = OsgiHeader.packageNames(jar.header("Export-Package").orElse(""));
        assertEquals(moduleExports, bundleExports, jar.path() + ": Export-Package vs module-info exports");
    }

    @ParameterizedTest
    @MethodSource("dev.keyway.integration.KeywayModule#all")
    void bundleExportsNoInternalPackage(KeywayModule module) {
        Set<String> leaked = OsgiHeader.packageNames(module.jar().header("Export-Package").orElse(""))
                .stream().filter(ModuleDescriptorTest::isInternal).collect(Collectors.toSet());
        assertTrue(leaked.isEmpty(), module.moduleName() + " bundle exports " + leaked);
    }
}
