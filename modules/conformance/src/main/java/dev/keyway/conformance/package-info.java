/**
 * The conformance kit: jqwik property suites and known-answer vectors that an algorithm
 * provider's tests extend to prove the provider obeys the SPI contracts.
 */
package dev.keyway.conformance;
