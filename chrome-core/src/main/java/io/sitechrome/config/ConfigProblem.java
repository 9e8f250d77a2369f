package io.sitechrome.config;

/**
 * One problem found in a configuration file, at a line and column (both 1-based),
 * on a path such as {@code header.nav[2].label}.
 *
 * <p>{@link #toString()} gives the form editors and CI logs understand:
 * {@code FILE:LINE:COLUMN: path: message}.
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {

    /** The path used for problems that belong to the whole document. */
    public static final String ROOT = "(root)";

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + path + ": " + message;
    }
}
