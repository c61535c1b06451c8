package dev.keyway.integration.bench;

import dev.keyway.ssh.ClientSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory per idle authenticated session: this JVM's Keyway client opens the sessions to each
 * server in turn (connected, keys exchanged, logged in by publickey, no channel), and the
 * server's {@link ProcessMemory} before and after, divided by their number, is a session's
 * share. One sample per server; then the sessions are closed.
 */
final class MemoryPart {
    static final String HEAP = "idle session heap after GC";
    static final String RESIDENT = "idle session resident memory";

    private MemoryPart() {
    }

    static void run(Samples samples, int jvm, KeywayLibraryClient client, BenchServers servers, int sessions) {
        for (Target target : servers.all()) {
            List<ClientSession> open = new ArrayList<>();
            try {
                ProcessMemory before = ProcessMemory.of(target);
                for (int i = 0; i < sessions; i++) {
                    open.add(client.connect(target, Crypto.DEFAULTS));
                }
                ProcessMemory after = ProcessMemory.of(target);
                if (target.jvm()) {
                    samples.add(perSession(jvm, HEAP, client, target, after.heapBytes() - before.heapBytes(), sessions));
                }
                samples.add(perSession(jvm, RESIDENT, client, target,
                        after.residentBytes() - before.residentBytes(), sessions));
            } catch (Exception e) {
                samples.note("memory, " + target.name() + " (Java " + jvm + "): left out after " + open.size()
                        + " sessions, it failed: " + e);
            } finally {
                open.forEach(ClientSession::close);
            }
        }
    }

    private static Sample perSession(int jvm, String measurement, BenchClient client, Target target, long bytes,
            int sessions) {
        return new Sample(jvm, measurement, Unit.KIB_PER_SESSION, client.name(), target.name(),
                bytes / 1024.0 / sessions);
    }
}
