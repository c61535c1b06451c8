package dev.keyway.connection.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * This side's channel ids (RFC 4254 §5.1: each side picks its own numbers). The lowest free
 * id is reused first, like OpenSSH, so ids stay small and a table of slots is enough.
 */
final class ChannelTable {
    private final List<Channel> slots = new ArrayList<>();
    private int count;

    int count() {
        return count;
    }

    /** The channel with this id, or null (also for ids the peer made up: any uint32). */
    Channel get(int id) {
        return id >= 0 && id < slots.size() ? slots.get(id) : null;
    }

    Channel add(String type, ChannelState state) {
        int id = slots.indexOf(null);
        if (id < 0) {
            id = slots.size();
            slots.add(null);
        }
        Channel c = new Channel(id, type, state);
        slots.set(id, c);
        count++;
        return c;
    }

    void free(int id) {
        if (get(id) != null) {
            slots.set(id, null);
            count--;
        }
    }
}
