/** Message codecs, method chains and contexts of the user authentication engines; not exported. */
package dev.keyway.userauth.internal;
