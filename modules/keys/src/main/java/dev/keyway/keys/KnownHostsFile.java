package dev.keyway.keys;

import dev.keyway.keys.internal.HashedHostName;
import dev.keyway.keys.internal.OwnerOnlyPermissions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A known_hosts file on disk, such as {@code ~/.ssh/known_hosts}: read whole for each lookup
 * (so that another program's additions count) and only ever appended to, never rewritten, so
 * that no other line can be lost or changed.
 */
public final class KnownHostsFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path path;

    public KnownHostsFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** The user's file, {@code ~/.ssh/known_hosts}. */
    public static KnownHostsFile ofUser() {
        return new KnownHostsFile(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
    }

    public Path path() {
        return path;
    }

    /** The file's contents; a file that does not exist yet has none. */
    public KnownHosts load() throws IOException {
        try {
            return KnownHosts.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return KnownHosts.empty();
        }
    }

    /**
     * The line that records {@code key} for {@code host}, as ssh(1) writes it: no marker and no
     * comment; with {@code hashed}, the name hashed with a fresh salt (HashKnownHosts yes).
     */
    public static KnownHostsEntry entryFor(HostAddress host, OpenSshPublicKey key, boolean hashed) {
        String name = hashed ? HashedHostName.hash(host.knownHostsName(), RANDOM) : host.knownHostsName();
        return new KnownHostsEntry(KnownHostsMarker.NONE, name,
                new OpenSshPublicKey(key.keyType(), key.blob(), ""));
    }

    /**
     * Appends the line for {@code key} at {@code host}, creating the file (and an owner-only
     * parent directory) when needed. When the last line lacks its line break, one is added first
     * so that the two lines do not merge.
     *
     * @return the entry written
     */
    public KnownHostsEntry append(HostAddress host, OpenSshPublicKey key, boolean hashed) throws IOException {
        KnownHostsEntry entry = entryFor(host, key, hashed);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, OwnerOnlyPermissions.forDirectory());
        }
        String text = (endsWithoutLineBreak() ? "\n" : "") + entry.toLine() + "\n";
        try (FileChannel out = FileChannel.open(path,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
        return entry;
    }

    private boolean endsWithoutLineBreak() throws IOException {
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = in.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, size - 1);
            return last.get(0) != '\n';
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
