/** The Bouncy Castle algorithm provider; its implementation package is not exported. */
package dev.keyway.provider.bouncycastle;
