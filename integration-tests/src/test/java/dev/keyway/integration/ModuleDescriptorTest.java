package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each jar of the BOM is an explicit module (module-info.class, not an automatic module) with
 * the name the project promises, hiding its internals.
 */
class ModuleDescriptorTest {

    @ParameterizedTest
    @MethodSource("dev.keyway.integration.KeywayModule#all")
    void jarIsAnExplicitModuleWithItsPromisedName(KeywayModule module) {
        ModuleDescriptor d = ModuleFinder.of(TestClassPath.jar(module.artifactId())).findAll().iterator().next()
                .descriptor();
        // Without module-info.class the finder makes an automatic module, named after the file.
        assertFalse(d.isAutomatic(), module.artifactId() + " has no module-info.class");
        assertEquals(module.moduleName(), d.name());
    }

    @ParameterizedTest
    @MethodSource("dev.keyway.integration.KeywayModule#all")
    void noInternalPackageIsExportedOrOpened(KeywayModule module) {
        ModuleDescriptor d = module.jar().descriptor();
        // Qualified exports count too: STYLE.md keeps internals out of module-info entirely.
        List<String> leaked = d.exports().stream().map(ModuleDescriptor.Exports::source)
                .filter(ModuleDescriptorTest::isInternal).toList();
        assertEquals(List.of(), leaked, module.moduleName() + " exports internal packages");
        List<String> opened = d.opens().stream().map(ModuleDescriptor.Opens::source)
                .filter(ModuleDescriptorTest::isInternal).toList();
        assertEquals(List.of(), opened, module.moduleName() + " opens internal packages");
        assertFalse(d.isOpen(), module.moduleName() + " is an open module, which opens its internals");
    }

    static boolean isInternal(String packageName) {
        return Arrays.asList(packageName.split("\\.")).contains("internal");
    }
}
