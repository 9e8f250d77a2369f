package io.sitechrome.internal.config;

/** A 1-based line and column in a configuration file. */
record SourcePosition(int line, int column) {
    static final SourcePosition START = new SourcePosition(1, 1);
}
