/** The SSH transport layer engine. */
package dev.keyway.transport;
