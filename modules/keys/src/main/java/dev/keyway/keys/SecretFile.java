package dev.keyway.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A file of passwords, read only if no one but its owner can read or change it: a password in
 * a file others can read is as public as one on a command line, which every user sees in
 * {@code ps}. ssh(1) refuses a private key file on the same grounds ("UNPROTECTED PRIVATE KEY
 * FILE!", its mode must give group and others nothing), and sshd(8)'s StrictModes wants the
 * files it trusts owned by the user or root. Where the file system has no POSIX permissions
 * (Windows), its own ACLs are left to guard the file.
 */
public final class SecretFile {
    private SecretFile() {
    }

    /**
     * The file's text, which the caller wipes once it is used.
     *
     * @throws IOException when the file cannot be read, is not UTF-8 text, or others may read or
     *     change it; the message says what is wrong and never quotes the file
     */
    public static char[] read(Path file) throws IOException {
        Optional<String> problem = problem(file);
        if (problem.isPresent()) {
            throw new IOException(file + ": " + problem.get());
        }
        byte[] bytes = readBytes(file);
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            char[] chars = Arrays.copyOfRange(text.array(), text.arrayOffset(), text.arrayOffset() + text.limit());
            Arrays.fill(text.array(), '\0');
            return chars;
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** What makes the file unfit to hold secrets, if anything: its owner, or who else may read or write it. */
    public static Optional<String> problem(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, PosixFileAttributes.class);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        String owner = attributes.owner().getName();
        String self = System.getProperty("user.name");
        if (!owner.equals(self) && !owner.equals("root")) {
            return Optional.of("it belongs to " + owner + ", who could change it, not to " + self + " who runs keyway");
        }
        Set<PosixFilePermission> mode = attributes.permissions();
        List<String> others = new ArrayList<>();
        access("its group", mode, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE).ifPresent(others::add);
        access("other users", mode, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE)
                .ifPresent(others::add);
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" and ", others) + " (" + PosixFilePermissions.toString(mode)
                + "); only its owner may read or write a file of passwords: chmod go-rw " + file);
    }

    /** "its group can read and write it", or empty when {@code who} can do neither. */
    private static Optional<String> access(String who, Set<PosixFilePermission> mode, PosixFilePermission read,
            PosixFilePermission write) {
        boolean r = mode.contains(read);
        boolean w = mode.contains(write);
        if (!r && !w) {
            return Optional.empty();
        }
        return Optional.of(who + " can " + (r && w ? "read and write" : r ? "read" : "write") + " it");
    }

    private static byte[] readBytes(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The JDK names only the file for these two; say what happened. */
    private static IOException unreadable(Path file, IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
        return new IOException(file + ": " + why, e);
    }
}
