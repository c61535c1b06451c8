package dev.keyway.keys;

/**
 * A line of an OpenSSH file that was skipped because it is malformed, or because it holds
 * something Keyway does not support yet. The rest of the file is still used, as OpenSSH does.
 *
 * @param lineNumber counted from 1
 * @param message what is wrong, without the line's text
 */
public record LineProblem(int lineNumber, String message) {
    @Override
    public String toString() {
        return "line " + lineNumber + ": " + message;
    }
}
