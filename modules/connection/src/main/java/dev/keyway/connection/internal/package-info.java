/** The connection engine's channel table, windows and message codec; not exported. */
package dev.keyway.connection.internal;
