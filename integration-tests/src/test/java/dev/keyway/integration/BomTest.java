package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The BOM is the list of Keyway's jars that the module and bundle checks go over
 * ({@link KeywayModule#all()}), so it must be complete: a jar the build publishes but the BOM
 * forgets would be neither aligned for users nor checked here.
 */
class BomTest {

    @Test
    void bomListsEveryPublishedJarOfTheReactorAndNothingElse() {
        Set<String> published = Reactor.projects().stream()
                .filter(p -> p.published() && p.packaging().equals("jar"))
                .map(Reactor.Project::artifactId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(published, new TreeSet<>(Reactor.bomArtifactIds()),
                "bom/pom.xml vs the root pom's modules that publish a jar");
    }

    @Test
    void everyModuleOfTheBomIsATestDependencyHere() {
        // Being a dependency puts the jar on the test class path and makes the reactor build it first.
        List<String> missing = Reactor.bomArtifactIds().stream()
                .filter(id -> TestClassPath.jars(id).isEmpty()).toList();
        assertEquals(List.of(), missing, "add these to integration-tests/pom.xml as test dependencies");
    }
}
