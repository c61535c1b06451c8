package dev.keyway.integration;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keyway's modules with every module they need at run time: the closure of their
 * {@code requires} clauses, {@code requires static} left out (those are compile-time only, as
 * the OSGi annotations are), each found among the jars of the test class path, the JDK's own
 * modules left out. This is the graph a user's module path holds, without the test-only jars
 * (JSch, MINA SSHD) that the rest of the class path carries.
 */
final class RuntimeModules {
    private final Map<String, ModuleReference> byName;

    private RuntimeModules(Map<String, ModuleReference> byName) {
        this.byName = byName;
    }

    /** All of Keyway's modules and what they require. */
    static RuntimeModules ofKeyway() {
        return requiredBy(KeywayModule.all());
    }

    /** Those Keyway modules and what they require, e.g. what an application's dependencies bring. */
    static RuntimeModules requiredBy(Collection<KeywayModule> roots) {
        List<Path> keywayJars = KeywayModule.all().stream().map(m -> m.jar().path()).toList();
        ModuleFinder keyway = ModuleFinder.of(keywayJars.toArray(Path[]::new));
        ModuleFinder libraries = ModuleFinder.of(TestClassPath.jarsExcept(keywayJars).toArray(Path[]::new));
        ModuleFinder jdk = ModuleFinder.ofSystem();
        Map<String, ModuleReference> found = new TreeMap<>();
        Deque<ModuleReference> toVisit = new ArrayDeque<>();
        for (KeywayModule root : roots) {
            toVisit.add(keyway.find(root.moduleName())
                    .orElseThrow(() -> new AssertionError(root.artifactId() + " is not the module " + root.moduleName())));
        }
        while (!toVisit.isEmpty()) {
            ModuleReference module = toVisit.pop();
            if (found.putIfAbsent(module.descriptor().name(), module) != null) {
                continue;
            }
            for (ModuleDescriptor.Requires r : module.descriptor().requires()) {
                if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)
                        || jdk.find(r.name()).isPresent() || found.containsKey(r.name())) {
                    continue;
                }
                toVisit.push(keyway.find(r.name()).or(() -> libraries.find(r.name()))
                        .orElseThrow(() -> new AssertionError(module.descriptor().name() + " requires " + r.name()
                                + ", which is neither a JDK module nor on the test class path")));
            }
        }
        return new RuntimeModules(found);
    }

    /** The jars, for a module finder of exactly this graph. */
    Path[] jars() {
        return byName.values().stream().map(r -> Path.of(r.location().orElseThrow())).toArray(Path[]::new);
    }

    /** Every package of the graph with the modules that hold it; more than one is a split package. */
    Map<String, Set<String>> packageOwners() {
        Map<String, Set<String>> owners = new TreeMap<>();
        byName.forEach((name, module) -> module.descriptor().packages()
                .forEach(p -> owners.computeIfAbsent(p, k -> new TreeSet<>()).add(name)));
        return owners;
    }
}
