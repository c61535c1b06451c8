package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.integration.embedding.PlainMain;
import dev.keyway.integration.openssh.BoundedProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/embedding.md tells how to embed Keyway in a plain {@code main}; this keeps it true. Its
 * Java block is {@link PlainMain}, which the build compiles, and its Maven dependencies are
 * enough to run it: the example runs in a JVM of its own on a class path made of exactly
 * those artifacts and what they require, where the providers are found through their
 * {@code META-INF/services} entries.
 */
class PlainMainExampleTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    @TempDir
    Path dir;

    @Test
    void theDocumentShowsTheExampleAsItIsCompiled() throws Exception {
        String source = Files.readString(Reactor.root()
                .resolve("integration-tests/src/test/java/dev/keyway/integration/embedding/PlainMain.java"));
        // The page leaves out the package line, which is this build's and not the reader's.
        String withoutPackage = source.substring(source.indexOf("import "));
        List<String> blocks = fencedBlocks("java");
        assertFalse(blocks.isEmpty(), "docs/embedding.md shows no Java");
        assertEquals(withoutPackage, blocks.get(0),
                "the first java block of docs/embedding.md must be PlainMain.java from its imports on");
    }

    @Test
    void theDocumentedDependenciesRunTheExample() throws Exception {
        List<KeywayModule> dependencies = documentedDependencies();
        Path classes = Path.of(PlainMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> classPath = new ArrayList<>(List.of(classes));
        classPath.addAll(Arrays.asList(RuntimeModules.requiredBy(dependencies).jars()));

        KeyFiles keys = KeyFiles.makeIn(dir);
        Path stdout = dir.resolve("out");
        Path stderr = dir.resolve("err");
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                PlainMain.class.getName(), keys.hostKeyFile().toString(), keys.authorizedKeys().toString(),
                keys.userKeyFile().toString(), "echo hello; echo to stderr >&2; exit 4")
                .redirectInput(BoundedProcess.nullDevice())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        int status = BoundedProcess.run(java, LIMIT);
        // stderr holds the command's stderr among the server's log (java.util.logging's default).
        List<String> errors = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        assertTrue(errors.contains("to stderr"), "the command's stderr in:\n" + errors);
        assertTrue(errors.stream().anyMatch(line -> line.contains("Accepted publickey for alice from 127.0.0.1")),
                "the server logged the login:\n" + errors);
        assertEquals("hello\n", Files.readString(stdout, StandardCharsets.UTF_8), "stdout");
        assertEquals(4, status, "the command's exit status");
    }

    /** The Keyway artifacts of the page's Maven block, the BOM left out; each must be in the BOM. */
    private static List<KeywayModule> documentedDependencies() throws Exception {
        List<KeywayModule> modules = new ArrayList<>();
        for (String xml : fencedBlocks("xml")) {
            Matcher m = ARTIFACT_ID.matcher(xml);
            while (m.find()) {
                if (!m.group(1).equals("keyway-bom")) {
                    assertTrue(Reactor.bomArtifactIds().contains(m.group(1)), m.group(1) + " is not in the BOM");
                    modules.add(KeywayModule.of(m.group(1)));
                }
            }
        }
        assertFalse(modules.isEmpty(), "docs/embedding.md names no dependency");
        return modules;
    }

    /** The contents of the page's fenced blocks in that language, each ending with its last line break. */
    private static List<String> fencedBlocks(String language) throws Exception {
        String page = Files.readString(Reactor.root().resolve("docs/embedding.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?ms)^```" + language + "\n(.*?)^```$").matcher(page);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
