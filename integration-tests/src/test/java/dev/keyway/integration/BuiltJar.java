package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** One packaged jar, read the way the JVM and an OSGi framework read it. */
public record BuiltJar(Path path, ModuleDescriptor descriptor, Attributes manifest) {

    static BuiltJar of(Path path) {
        // ModuleFinder parses module-info.class exactly as the module system will at run time.
        List<ModuleReference> refs = List.copyOf(ModuleFinder.of(path).findAll());
        assertEquals(1, refs.size(), path + " should hold one module");
        ModuleDescriptor descriptor = refs.get(0).descriptor();
        // Without module-info.class the finder invents an automatic module from the file name.
        assertFalse(descriptor.isAutomatic(), path + " has no module-info.class");
        try (JarFile jar = new JarFile(path.toFile())) {
            assertNotNull(jar.getManifest(), path + " has no manifest");
            return new BuiltJar(path, descriptor, jar.getManifest().getMainAttributes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A main manifest header, or empty when absent. */
    Optional<String> header(String name) {
        return Optional.ofNullable(manifest.getValue(name));
    }

    /** The text of an entry, or empty when the jar does not hold it. */
    Optional<String> entryText(String name) {
        try (JarFile jar = new JarFile(path.toFile())) {
            ZipEntry entry = jar.getEntry(name);
            if (entry == null) {
                return Optional.empty();
            }
            return Optional.of(new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
