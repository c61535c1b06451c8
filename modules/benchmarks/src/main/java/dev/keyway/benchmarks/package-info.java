/**
 * JMH benchmarks of the algorithm providers. They call the SPI directly, the way the transport
 * will, so a number here is what a provider costs per packet, not what the engine adds.
 */
package dev.keyway.benchmarks;
