package com.example;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.keyway.guice.KeywayModule;
import dev.keyway.keys.HostAddress;
import dev.keyway.keys.KnownHostsFile;
import dev.keyway.keys.KnownHostsVerifier;
import dev.keyway.keys.PrivateKeyFile;
import dev.keyway.ssh.ClientSession;
import dev.keyway.ssh.Credentials;
import dev.keyway.ssh.RemoteProcess;
import dev.keyway.ssh.SshClient;
import java.nio.file.Path;
import java.time.Duration;

/** A Guice application that runs {@code uname -a} on example.org as alice. */
public final class SshClientApplication {

    public static void main(String[] args) throws Exception {
        HostAddress host = new HostAddress("example.org", 22);
        int status;
        try (SshClient client = Guice.createInjector(new KeywayModule(), new AbstractModule() {
                    @Override
                    protected void configure() {
                        // The default verifier trusts no server: say which one, as ssh's known_hosts does.
                        KeywayModule.hostKeyVerifier(binder())
                                .toInstance(KnownHostsVerifier.strict(KnownHostsFile.ofUser(), host));
                        KeywayModule.clientCustomizers(binder()).addBinding()
                                .toInstance(builder -> builder.timeout(Duration.ofSeconds(10)));
                    }
                }).getInstance(SshClient.class);
                ClientSession session = client.connect(host.host(), host.port(), "alice",
                        Credentials.keyPairs(PrivateKeyFile.read(Path.of(System.getProperty("user.home"), ".ssh/id_ed25519"))))) {
            RemoteProcess p = session.exec("uname -a");
            System.out.print(new String(p.getInputStream().readAllBytes(), UTF_8));
            status = p.waitFor(Duration.ofSeconds(10));
        }
        System.exit(status);
    }
}
