/** The Streamlined NTRU Prime provider; its implementation package is not exported. */
package dev.keyway.provider.sntrup;
