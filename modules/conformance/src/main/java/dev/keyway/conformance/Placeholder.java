package dev.keyway.conformance; final class Placeholder {}
