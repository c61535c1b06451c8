package dev.keyway.osgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each setting from the configuration if it has it, else the framework property, else the default. */
class ServerOptionsTest {
    private static final Map<String, String> FRAMEWORK = Map.of(
            "keyway.server.port", "2222",
            "keyway.server.address", "0.0.0.0",
            "keyway.server.passwordFile", "/etc/keyway/passwords");

    private static ServerOptions options(Map<String, ?> configuration) {
        return new ServerOptions(configuration, FRAMEWORK::get);
    }

    @Test
    void frameworkPropertiesServeWhenThereIsNoConfiguration() {
        ServerOptions o = options(Map.of());
        assertEquals(Optional.of(2222), o.port());
        assertEquals("0.0.0.0", o.address());
        assertEquals(Optional.of(Path.of("/etc/keyway/passwords")), o.passwordFile());
        assertFalse(o.allowPluggedAuthMethods());
    }

    @Test
    void configurationAdminValuesWinAndMayBeNumbersOrBooleans() {
        ServerOptions o = options(Map.of("keyway.server.port", 2022, "keyway.server.allowPluggedAuthMethods", true,
                "component.name", "dev.keyway.osgi.internal.ServerComponent"));
        assertEquals(Optional.of(2022), o.port());
        assertTrue(o.allowPluggedAuthMethods());
        assertEquals("0.0.0.0", o.address(), "a key the configuration lacks still comes from the framework");
    }

    @Test
    void withoutAPortThereIsNoServer() {
        assertEquals(Optional.empty(), new ServerOptions(Map.of(), key -> null).port());
        assertEquals("127.0.0.1", new ServerOptions(Map.of(), key -> null).address());
    }

    @Test
    void hostKeysAreACommaSeparatedList() {
        assertEquals(List.of(Path.of("/k/ed25519"), Path.of("/k/ecdsa")),
                options(Map.of("keyway.server.hostKeys", " /k/ed25519, /k/ecdsa ,")).hostKeys());
        assertEquals(List.of(), options(Map.of()).hostKeys());
    }

    @Test
    void aPortThatIsNotANumberIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> options(Map.of("keyway.server.port", "ssh")).port());
        assertTrue(e.getMessage().contains("keyway.server.port"), e.getMessage());
    }
}
