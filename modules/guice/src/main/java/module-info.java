/**
 * Keyway in a Guice application: a module that builds {@code SshServer} and {@code SshClient}
 * from bindings, with algorithm providers contributed through a multibinder.
 */
@SuppressWarnings("requires-transitive-automatic")
module dev.keyway.guice {
    requires transitive dev.keyway.ssh;
    // Guice's types (Module, Binder, Multibinder) are in this module's API; Guice 7 is an automatic module.
    requires transitive com.google.guice;
    requires jakarta.inject;
    requires dev.keyway.keys;

    exports dev.keyway.guice;
    // Guice calls the package-private @Inject constructors by reflection when its bytecode
    // generation is off (guice_bytecode_gen_option=DISABLED); with it on, it needs no opens.
    opens dev.keyway.guice to com.google.guice;

    uses dev.keyway.api.spi.AlgorithmProvider;
}
