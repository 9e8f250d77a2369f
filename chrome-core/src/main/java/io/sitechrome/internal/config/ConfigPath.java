package io.sitechrome.internal.config;

import io.sitechrome.config.ConfigProblem;

/**
 * Paths into the configuration as designers read them: {@code header.nav[2].label}.
 * The empty string is the document itself.
 */
final class ConfigPath {

    private ConfigPath() {
    }

    /**
     * The path of a key in a mapping.
     *
     * @param parent the mapping's path; empty for the document
     * @param key    the key
     * @return such as {@code header.nav}, or just {@code key} under the document
     */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /**
     * The path of an item of a list.
     *
     * @param parent the list's path
     * @param index  the 0-based index
     * @return such as {@code header.nav[2]}
     */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /**
     * A path as a problem shows it.
     *
     * @param path a path; empty for the document
     * @return the path, or {@link ConfigProblem#ROOT} for the document
     */
    static String display(String path) {
        return path.isEmpty() ? ConfigProblem.ROOT : path;
    }
}
