package dev.keyway.integration.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Apache Felix started in the test's JVM with a fresh storage folder: bundles are installed from
 * the jars the build made, and each one must resolve and start. Nothing of the test's class path
 * reaches the bundles but {@code java.*} and the framework's own API, so a Keyway class inside
 * is never the test's copy.
 */
final class EmbeddedFelix implements AutoCloseable {
    private static final long STOP_MILLIS = 10_000;
    private final Framework framework;

    private EmbeddedFelix(Framework framework) {
        this.framework = framework;
    }

    /** Starts an empty framework with these framework properties (beside the storage folder's). */
    static EmbeddedFelix launch(Path storage, Map<String, String> properties) throws BundleException {
        Map<String, String> config = new HashMap<>(properties);
        config.put("org.osgi.framework.storage", storage.toString());
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        // Felix would otherwise let a bundle load a class from the test's class path when the
        // caller is outside the framework; bundles must see only what they import.
        config.put("felix.bootdelegation.implicit", "false");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new AssertionError("no OSGi framework on the test class path"));
        Framework framework = factory.newFramework(config);
        framework.start();
        return new EmbeddedFelix(framework);
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Installs the jars, then starts each one; fails listing every bundle that did not start, with why. */
    List<Bundle> installAndStart(List<Path> jars) throws BundleException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            bundles.add(context().installBundle(jar.toUri().toString()));
        }
        List<String> failures = new ArrayList<>();
        for (Bundle b : bundles) {
            try {
                b.start();
            } catch (BundleException e) {
                failures.add(b.getSymbolicName() + ": " + e.getMessage()
                        + (e.getCause() != null ? " caused by " + e.getCause() : ""));
            }
        }
        for (Bundle b : bundles) {
            if (b.getState() != Bundle.ACTIVE && failures.stream().noneMatch(f -> f.startsWith(b.getSymbolicName() + ":"))) {
                failures.add(b.getSymbolicName() + ": state " + b.getState() + ", not ACTIVE");
            }
        }
        assertEquals(List.of(), failures, "bundles that did not resolve and start");
        return bundles;
    }

    /** The installed bundle with this symbolic name. */
    Bundle bundle(String symbolicName) {
        for (Bundle b : context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " installed");
    }

    /** Stops the framework and waits, bounded, for it to be stopped. */
    @Override
    public void close() throws BundleException, InterruptedException {
        framework.stop();
        FrameworkEvent stopped = framework.waitForStop(STOP_MILLIS);
        assertEquals(FrameworkEvent.STOPPED, stopped.getType(), "the framework did not stop within 10 s");
    }
}
