/**
 * Keyway in an OSGi framework (OSGi Compendium 112, Declarative Services).
 *
 * <p>{@link dev.keyway.osgi.OsgiAlgorithmSource} is registered as the service
 * {@code dev.keyway.api.AlgorithmSource} (with the property {@code keyway.source=osgi}): give it
 * to your own {@code SshServer} or {@code SshClient} builder, and each new connection gets the
 * algorithms of the provider bundles running at that moment.
 *
 * <p>The bundle also holds a server component (configuration PID {@code dev.keyway.server}),
 * which runs an {@code SshServer} on the same rules once {@code keyway.server.port} is configured,
 * through Configuration Admin or, without it, as a framework property. docs/osgi.md lists its
 * settings.
 */
package dev.keyway.osgi;
