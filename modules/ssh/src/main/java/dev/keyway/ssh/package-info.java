/**
 * Embedding SSH: {@link dev.keyway.ssh.SshServer} runs commands through {@link
 * dev.keyway.ssh.CommandHandler}s with blocking streams, {@link dev.keyway.ssh.SshClient} logs in
 * and runs {@link dev.keyway.ssh.RemoteProcess}es. Underneath, one NIO thread drives the
 * transport (RFC 4253), user authentication (RFC 4252) and connection (RFC 4254) engines of
 * every session.
 */
package dev.keyway.ssh;
