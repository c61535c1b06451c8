package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyway.integration.openssh.BoundedProcess;
import dev.keyway.integration.openssh.KeywayServerProcess;
import dev.keyway.keys.HostAddress;
import dev.keyway.keys.KnownHostsFile;
import dev.keyway.keys.OpenSshPublicKey;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Keyway server and a Keyway client as two JVMs on the module path alone, each started with
 * {@code java -p MODULES -m dev.keyway.cli/dev.keyway.cli.Main} as the {@code keyway} script
 * starts it ({@link KeywayCommand}), run a command over 127.0.0.1 with public key login and a
 * strict host key check.
 *
 * <p>Each JVM reports its own start ({@link JvmStartupReport}): its class path is empty, and
 * the resolver bound every provider module of the CLI's runtime modules to {@code dev.keyway.api},
 * which {@code uses} the provider service. With no class path there is no
 * {@code META-INF/services} for ServiceLoader to read, so the algorithms of the session came
 * through {@code provides} and {@code uses} alone.
 */
class ModulePathSessionTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String SERVICE = "dev.keyway.api.spi.AlgorithmProvider";
    private static final Map<String, String> REPORTING = Map.of("JDK_JAVA_OPTIONS", JvmStartupReport.OPTIONS);

    @TempDir
    Path dir;

    @Test
    void serverAndClientOnTheModulePathRunACommand() throws Exception {
        Set<String> providers = providerModules();
        assertFalse(providers.isEmpty(), "no module in " + KeywayCommand.runtimeModules() + " provides " + SERVICE);
        KeyFiles keys = KeyFiles.makeIn(dir);
        try (KeywayServerProcess server = KeywayServerProcess.start(REPORTING, List.of("-p", "0",
                "-h", keys.hostKeyFile().toString(), "--authorized-keys", keys.authorizedKeys().toString()))) {
            assertOnTheModulePathAlone("server", JvmStartupReport.parse(server.printed()), providers);

            Path knownHosts = dir.resolve("known_hosts");
            new KnownHostsFile(knownHosts).append(new HostAddress("127.0.0.1", server.port()),
                    OpenSshPublicKey.of(keys.hostKey().getPublic(), ""), false);
            Path stdout = dir.resolve("ssh.out");
            Path stderr = dir.resolve("ssh.err");
            ProcessBuilder ssh = KeywayCommand.processBuilder(REPORTING, "ssh", "-p", Integer.toString(server.port()),
                            "-i", keys.userKeyFile().toString(), "-o", "StrictHostKeyChecking=yes",
                            "-o", "UserKnownHostsFile=" + knownHosts, "alice@127.0.0.1",
                            "echo hello from the module path; exit 3")
                    .redirectInput(BoundedProcess.nullDevice())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            int status = BoundedProcess.run(ssh, LIMIT);
            JvmStartupReport client = JvmStartupReport.parse(Files.readString(stdout, StandardCharsets.UTF_8)
                    + Files.readString(stderr, StandardCharsets.UTF_8));
            assertEquals("hello from the module path\n", client.programOutput(), "what keyway ssh printed");
            assertEquals(3, status, "the remote exit status");
            assertOnTheModulePathAlone("client", client, providers);
        }
    }

    /** The modules of the CLI's runtime modules that provide the service, by their module-info. */
    private static Set<String> providerModules() {
        return ModuleFinder.of(KeywayCommand.runtimeModules()).findAll().stream()
                .map(ModuleReference::descriptor)
                .filter(d -> d.provides().stream().anyMatch(p -> p.service().equals(SERVICE)))
                .map(ModuleDescriptor::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertOnTheModulePathAlone(String jvm, JvmStartupReport report, Set<String> providers) {
        assertEquals("", report.properties().get("java.class.path"), jvm + ": the class path is empty");
        assertEquals(KeywayCommand.MAIN.split("/")[0], report.properties().get("jdk.module.main"),
                jvm + ": the main module");
        assertEquals(providers, report.boundFor("dev.keyway.api"),
                jvm + ": the providers bound for the service dev.keyway.api uses");
        for (JvmStartupReport.Binding b : report.bindings()) {
            if (providers.contains(b.provider())) {
                assertEquals(KeywayCommand.runtimeModules(), Path.of(b.location()).getParent(),
                        jvm + ": " + b.provider() + " came from elsewhere");
            }
        }
    }
}
