/** The session drivers that stack the engines, and the bridges between the loop and blocking streams. Not exported. */
package dev.keyway.ssh.internal;
