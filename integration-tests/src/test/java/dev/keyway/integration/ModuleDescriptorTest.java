package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.module.ModuleDescriptor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each jar is a named module with the name the project promises, hiding its internals. */
class ModuleDescriptorTest {

    @ParameterizedTest
    @EnumSource(KeywayModule.class)
    void jarIsANamedModuleWithItsPromisedName(KeywayModule module) {
        assertEquals(module.moduleName, module.jar().descriptor().name());
    }

    @ParameterizedTest
    @EnumSource(KeywayModule.class)
    void noInternalPackageIsExportedOrOpened(KeywayModule module) {
        ModuleDescriptor d = module.jar().descriptor();
        // Qualified exports count too: STYLE.md keeps internals out of module-info entirely.
        List<String> leaked = d.exports().stream().map(ModuleDescriptor.Exports::source)
                .filter(ModuleDescriptorTest::isInternal).toList();
        assertEquals(List.of(), leaked, module.moduleName + " exports internal packages");
        List<String> opened = d.opens().stream().map(ModuleDescriptor.Opens::source)
                .filter(ModuleDescriptorTest::isInternal).toList();
        assertEquals(List.of(), opened, module.moduleName + " opens internal packages");
        assertFalse(d.isOpen(), module.moduleName + " is an open module, which opens its internals");
    }

    static boolean isInternal(String packageName) {
        return Arrays.asList(packageName.split("\\.")).contains("internal");
    }
}
