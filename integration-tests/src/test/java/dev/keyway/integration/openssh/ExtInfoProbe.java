package dev.keyway.integration.openssh;

import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.api.DisconnectReason;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What an attacker learns by first connecting to the server as an ordinary client offering
 * {@code ext-info-c}: the SSH_MSG_EXT_INFO (RFC 8308 §2.3) the server sends every such client.
 * Its payload length is what {@link TerrapinProxy} needs to cut that message out of a
 * chacha20-poly1305 stream, whose packet lengths are encrypted. Which key the server shows
 * does not matter to the attacker, so any is accepted.
 */
final class ExtInfoProbe {
    private ExtInfoProbe() {
    }

    /** Connects to 127.0.0.1:{@code port} and returns the length of the EXT_INFO payload it receives. */
    static int payloadLength(int port, AlgorithmRegistry registry, Deadline deadline) throws IOException {
        TransportConfig config = TransportConfig.builder(registry).hostKeyVerifier(key -> true).build();
        try (BlockingTransport t = BlockingTransport.connect(port, SshTransport.client(config), deadline)) {
            TransportEvent.ExtensionInfo info = t.await(TransportEvent.ExtensionInfo.class, e -> true,
                    "the server's EXT_INFO", deadline);
            t.engine().disconnect(DisconnectReason.BY_APPLICATION, "probe done");
            t.flush();
            return payloadLength(info);
        }
    }

    /** byte SSH_MSG_EXT_INFO, uint32 nr-extensions, then a name and a value string each. */
    private static int payloadLength(TransportEvent.ExtensionInfo info) {
        int length = 1 + 4;
        for (Map.Entry<String, byte[]> e : info.extensions().entrySet()) {
            length += 4 + e.getKey().getBytes(StandardCharsets.UTF_8).length + 4 + e.getValue().length;
        }
        return length;
    }
}
