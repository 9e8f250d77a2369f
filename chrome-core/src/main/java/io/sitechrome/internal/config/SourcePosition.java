package io.sitechrome.internal.config;

/**
 * A 1-based line and column in a configuration file.
 *
 * @param line   the 1-based line
 * @param column the 1-based column, counted in code points
 */
record SourcePosition(int line, int column) {
    /** The first character of a file: line 1, column 1. */
    static final SourcePosition START = new SourcePosition(1, 1);
}
