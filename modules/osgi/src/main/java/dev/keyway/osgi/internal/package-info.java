/** The ranking of provider services and the server component. Not exported. */
package dev.keyway.osgi.internal;
