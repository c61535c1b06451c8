/**
 * The SSH user authentication protocol (RFC 4252) as two sans-I/O engines,
 * {@link dev.keyway.userauth.UserAuthServer} and {@link dev.keyway.userauth.UserAuthClient}:
 * messages 50 to 79 go in, messages and events come out. The methods are plugins found in
 * the registry ({@link dev.keyway.api.auth.UserAuthMethod}).
 */
package dev.keyway.userauth;
