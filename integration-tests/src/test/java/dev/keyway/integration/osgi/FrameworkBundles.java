package dev.keyway.integration.osgi;

import dev.keyway.integration.TestClassPath;
import java.nio.file.Path;
import java.util.List;

/**
 * The bundles a Keyway server needs in a framework, as the build made them: the jars are found
 * on the test class path by artifact id, as the other integration tests find theirs.
 */
final class FrameworkBundles {
    /** Felix SCR, the Declarative Services runtime, and the OSGi API bundles it imports. */
    static final List<String> DECLARATIVE_SERVICES = List.of(
            "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component", "org.apache.felix.scr");
    /** Bouncy Castle, for keyway-keys (bcpkix, bcutil) and the bouncycastle provider (bcprov). */
    static final List<String> BOUNCY_CASTLE = List.of("bcprov-jdk18on", "bcutil-jdk18on", "bcpkix-jdk18on");
    /** Keyway's runtime bundles but the algorithm providers. */
    static final List<String> KEYWAY = List.of("keyway-api", "keyway-transport", "keyway-keys", "keyway-net",
            "keyway-connection", "keyway-userauth", "keyway-ssh", "keyway-osgi");
    static final String JCA = "keyway-provider-jca";
    static final String BOUNCYCASTLE = "keyway-provider-bouncycastle";
    static final String USERAUTH = "keyway-provider-userauth";

    private FrameworkBundles() {
    }

    /** The jars of these artifacts, in this order. */
    static List<Path> jars(List<String> artifactIds) {
        return artifactIds.stream().map(TestClassPath::jar).toList();
    }

    /** Declarative Services, Bouncy Castle, Keyway and then these providers. */
    static List<Path> serverWith(String... providers) {
        List<String> all = new java.util.ArrayList<>(DECLARATIVE_SERVICES);
        all.addAll(BOUNCY_CASTLE);
        all.addAll(KEYWAY);
        all.addAll(List.of(providers));
        return jars(all);
    }
}
