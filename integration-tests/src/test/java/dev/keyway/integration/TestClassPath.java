package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The entries of the class path this test run was given. In a reactor {@code mvn verify} the
 * Keyway entries are the freshly packaged {@code target/*.jar} files, which is what the tests
 * mean to inspect: the artifacts as shipped, not the class directories.
 */
public final class TestClassPath {
    private TestClassPath() {
    }

    static List<Path> entries() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .toList();
    }

    /** The one jar of a Maven artifact, recognised by its file name {@code <artifactId>-<version>.jar}. */
    public static Path jar(String artifactId) {
        List<Path> matches = jars(artifactId);
        if (matches.size() != 1) {
            fail("expected exactly one " + artifactId + " jar on the test class path, found " + matches
                    + ". Run the reactor build from the repository root (mvn verify) so the jars are"
                    + " packaged; class path: " + entries());
        }
        return matches.get(0);
    }

    /** The jars of a Maven artifact on the class path: normally one, none when it is not a dependency. */
    static List<Path> jars(String artifactId) {
        // The version must follow directly, so keyway-provider-jca never matches keyway-provider.
        Pattern name = Pattern.compile(Pattern.quote(artifactId) + "-\\d[^/\\\\]*\\.jar");
        return entries().stream()
                .filter(p -> name.matcher(p.getFileName().toString()).matches())
                .filter(Files::isRegularFile)
                .toList();
    }

    /** Every jar on the class path except the given ones. */
    static List<Path> jarsExcept(Collection<Path> excluded) {
        return entries().stream()
                .filter(p -> p.getFileName().toString().endsWith(".jar"))
                .filter(Files::isRegularFile)
                .filter(p -> !excluded.contains(p))
                .toList();
    }
}
