/**
 * The provider of the standard user authentication methods: {@code none}, {@code password},
 * {@code publickey} (RFC 4252 §5.2, §8, §7) and {@code keyboard-interactive} (RFC 4256). Its
 * implementation package is not exported.
 */
package dev.keyway.provider.userauth;
