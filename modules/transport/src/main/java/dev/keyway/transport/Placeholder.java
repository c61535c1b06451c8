package dev.keyway.transport; final class Placeholder {}
