package dev.keyway.keys.internal;

import java.nio.file.FileSystems;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The permissions ssh(1) expects of files and directories under {@code ~/.ssh}: nobody but the
 * owner may write them, and private keys must not be readable by others either. Given at
 * creation so that the file is never briefly open to others. Empty where the file system has
 * no POSIX permissions (Windows), which keeps its own ACLs.
 */
public final class OwnerOnlyPermissions {
    private OwnerOnlyPermissions() {
    }

    /** {@code rw-------}. */
    public static FileAttribute<?>[] forFile() {
        return of("rw-------");
    }

    /** {@code rwx------}. */
    public static FileAttribute<?>[] forDirectory() {
        return of("rwx------");
    }

    private static FileAttribute<?>[] of(String mode) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
        }
        return new FileAttribute<?>[0];
    }
}
