/** The JDK (JCA) algorithm provider; its implementation package is not exported. */
package dev.keyway.provider.jca;
