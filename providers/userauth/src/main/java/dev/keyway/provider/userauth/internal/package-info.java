/** The halves of each user authentication method; not exported. */
package dev.keyway.provider.userauth.internal;
