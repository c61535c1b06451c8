package dev.keyway.keys;

/**
 * An entry of a known_hosts file with its place in the file, so that a message can say which
 * line to fix (as ssh(1) prints "Offending key in ~/.ssh/known_hosts:3").
 *
 * @param number counted from 1
 * @param entry the parsed line
 */
public record KnownHostsLine(int number, KnownHostsEntry entry) {
}
