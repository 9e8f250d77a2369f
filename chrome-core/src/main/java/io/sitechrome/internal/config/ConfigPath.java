package io.sitechrome.internal.config;

import io.sitechrome.config.ConfigProblem;

/**
 * Paths into the configuration as designers read them: {@code header.nav[2].label}.
 * The empty string is the document itself.
 */
final class ConfigPath {

    private ConfigPath() {
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    static String display(String path) {
        return path.isEmpty() ? ConfigProblem.ROOT : path;
    }
}
