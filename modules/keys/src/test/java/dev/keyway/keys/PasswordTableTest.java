package dev.keyway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyway server --password-file}: the file's format, and files that others could read
 * or change refused with what is wrong, never with a password.
 */
class PasswordTableTest {
    @TempDir
    Path dir;

    @Test
    void linesAreUserColonPasswordAroundCommentsAndBlankLines() throws Exception {
        PasswordTable table = new PasswordTable();
        table.addFile(ownerOnly("# who may log in\r\n\nalice:correct horse\r\n  # an indented comment\n"
                + "bob:a:b # c \n   \ncarol:#hash"));
        assertTrue(table.authenticate("alice", "correct horse".toCharArray()), "CR LF ends a line");
        assertTrue(table.authenticate("bob", "a:b # c ".toCharArray()), "the password is the rest of the line");
        assertTrue(table.authenticate("carol", "#hash".toCharArray()));
        assertFalse(table.authenticate("alice", "correct horse ".toCharArray()));
        assertFalse(table.authenticate("bob", "a:b # c".toCharArray()));
        assertFalse(table.authenticate("mallory", "correct horse".toCharArray()), "an unknown user");
        assertFalse(table.authenticate("#", "who may log in".toCharArray()), "a comment is no user");
    }

    /** Two and three bytes a character in UTF-8, and a character of two chars (four bytes). */
    @Test
    void aPasswordBeyondAsciiIsCheckedAsItsUtf8() throws Exception {
        PasswordTable table = new PasswordTable();
        table.addFile(ownerOnly("dora:p\u00e4ssw\u00f6rd \u2713 \ud834\udd1e\n"));
        table.add("emil:\u00e9t\u00e9");
        assertTrue(table.authenticate("dora", "p\u00e4ssw\u00f6rd \u2713 \ud834\udd1e".toCharArray()));
        assertFalse(table.authenticate("dora", "p\u00e4ssw\u00f6rd \u2713 \ud834".toCharArray()));
        assertTrue(table.authenticate("emil", "\u00e9t\u00e9".toCharArray()));
        assertFalse(table.authenticate("emil", "ete".toCharArray()));
    }

    @Test
    void aBadLineIsNamedByNumberWithoutItsText() throws Exception {
        Path file = ownerOnly("alice:one\n\nsecret-without-user\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PasswordTable().addFile(file));
        assertEquals(file + ":3: not USER:PASSWORD", e.getMessage());

        Path empty = ownerOnly("alice:\n");
        e = assertThrows(IllegalArgumentException.class, () -> new PasswordTable().addFile(empty));
        assertEquals(empty + ":1: the password of alice is empty", e.getMessage());

        PasswordTable table = new PasswordTable();
        table.add("alice:from the command line");
        Path twice = ownerOnly("alice:hunter2\n");
        e = assertThrows(IllegalArgumentException.class, () -> table.addFile(twice));
        assertEquals(twice + ":1: a second password for alice", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> table.add("no-colon-secret"));
    }

    @Test
    void aFileOthersCanReadOrWriteIsRefusedSayingWhoCan() throws Exception {
        Path file = ownerOnly("alice:hunter2\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> new PasswordTable().addFile(file));
        assertEquals(file + ": its group can read it and other users can read it (rw-r--r--); only its owner may"
                + " read or write a file of passwords: chmod go-rw " + file, e.getMessage());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----rw-"));
        e = assertThrows(IOException.class, () -> new PasswordTable().addFile(file));
        assertTrue(e.getMessage().contains(": other users can read and write it (rw----rw-)"), e.getMessage());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw--w----"));
        e = assertThrows(IOException.class, () -> new PasswordTable().addFile(file));
        assertTrue(e.getMessage().contains(": its group can write it (rw--w----)"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        PasswordTable table = new PasswordTable();
        table.addFile(file);
        assertTrue(table.authenticate("alice", "hunter2".toCharArray()), "read-only for its owner is fine");
    }

    @Test
    void aMissingFileIsSaidToBeMissing() {
        Path missing = dir.resolve("nowhere");
        IOException e = assertThrows(IOException.class, () -> new PasswordTable().addFile(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    /** Root can give the file away; another owner could change the passwords, so it is refused. */
    @Test
    void aFileOfAnotherUserIsRefused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
        Path file = ownerOnly("alice:hunter2\n");
        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        IOException e = assertThrows(IOException.class, () -> new PasswordTable().addFile(file));
        assertEquals(file + ": it belongs to nobody, who could change it, not to root who runs keyway", e.getMessage());
    }

    private Path ownerOnly(String text) throws IOException {
        Path file = Files.createTempFile(dir, "passwords", "", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
