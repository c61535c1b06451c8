/**
 * Keyway in an OSGi framework: an algorithm source that follows the {@code AlgorithmProvider}
 * services as bundles come and go, and an SSH server component. Declarative Services
 * annotations and the framework API are needed to build it; on the module path, where no
 * framework runs, the module is inert.
 */
module dev.keyway.osgi {
    requires transitive dev.keyway.ssh;
    requires dev.keyway.keys;
    requires static org.osgi.service.component.annotations;
    requires static org.osgi.framework;

    exports dev.keyway.osgi;
}
