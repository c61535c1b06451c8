/** The ML-KEM hybrid key exchange provider; its implementation package is not exported. */
package dev.keyway.provider.mlkem;
