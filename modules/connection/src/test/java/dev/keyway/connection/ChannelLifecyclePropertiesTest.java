package dev.keyway.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyway.api.SshProtocolException;
import dev.keyway.connection.ConnectionEvent.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random opens, EOFs and closes from both sides over several channels (RFC 4254 §5.1, §5.3):
 * ids are never shared by two live channels, the cap holds, every channel ends on both sides,
 * and then every id is free again.
 */
class ChannelLifecyclePropertiesTest {
    private static final int CAP = 4;

    @Property(tries = 300)
    void everyChannelEndsOnBothSidesAndItsIdIsFreed(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 5) Integer> kinds,
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 9) Integer> picks)
            throws SshProtocolException {
        EnginePair pair = new EnginePair(ConnectionConfig.client(),
                ConnectionConfig.server().withMaxChannels(CAP));
        Side client = new Side(pair.client);
        Side server = new Side(pair.server);
        for (int i = 0; i < kinds.size(); i++) {
            int pick = picks.get(i % picks.size());
            switch (kinds.get(i)) {
                case 0, 1 -> {
                    if (client.all.size() < ConnectionConfig.DEFAULT_MAX_CHANNELS) {
                        assertTrue(client.all.add(pair.client.openSession()), "id of a live channel reused");
                    }
                }
                case 2 -> client.closeOne(pick);
                case 3 -> server.closeOne(pick);
                case 4 -> client.eofOne(pick);
                default -> server.eofOne(pick);
            }
            settle(pair, client, server);
            assertTrue(server.all.size() <= CAP, "more channels than the cap");
        }
        for (int id : new ArrayList<>(client.open)) {
            client.closeOne(id);
        }
        settle(pair, client, server);
        assertEquals(Set.of(), client.all);
        assertEquals(Set.of(), server.all);
        assertEquals(0, pair.client.openSession(), "every id is free again");
    }

    /** Delivers and reacts until neither side has anything left to say (an accept makes more). */
    private static void settle(EnginePair pair, Side client, Side server) throws SshProtocolException {
        boolean more = true;
        while (more) {
            pair.pump();
            more = client.handle(EnginePair.events(pair.client)) | server.handle(EnginePair.events(pair.server));
        }
    }

    /** What one side's owner knows: its live channels, the open ones among them, and those it ended. */
    private static final class Side {
        final ConnectionEngine engine;
        final Set<Integer> all = new HashSet<>();
        final List<Integer> open = new ArrayList<>();
        final Set<Integer> eofSent = new HashSet<>();

        Side(ConnectionEngine engine) {
            this.engine = engine;
        }

        boolean handle(List<ConnectionEvent> events) {
            for (ConnectionEvent e : events) {
                if (e instanceof ChannelOpenRequested r) {
                    assertTrue(all.add(r.channel()), "id of a live channel reused");
                    engine.acceptOpen(r.channel());
                    open.add(r.channel());
                } else if (e instanceof ChannelOpened o) {
                    open.add(o.channel());
                } else if (e instanceof ChannelOpenFailed f) {
                    assertEquals(OpenFailureReason.RESOURCE_SHORTAGE.code(), f.reasonCode());
                    all.remove(f.channel());
                } else if (e instanceof ChannelClosed c) {
                    all.remove(c.channel());
                    open.remove(Integer.valueOf(c.channel()));
                    eofSent.remove(c.channel());
                }
            }
            return !events.isEmpty();
        }

        void closeOne(int pick) {
            if (!open.isEmpty()) {
                engine.close(open.remove(pick % open.size()));
            }
        }

        void eofOne(int pick) {
            if (!open.isEmpty()) {
                int id = open.get(pick % open.size());
                if (eofSent.add(id)) {
                    engine.sendEof(id);
                }
            }
        }
    }
}
