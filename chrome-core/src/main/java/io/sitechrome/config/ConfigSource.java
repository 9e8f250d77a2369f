package io.sitechrome.config;

import io.sitechrome.internal.config.ConfigLocation;
import io.sitechrome.internal.config.LayeredSource;
import java.nio.file.Path;

/**
 * Where a configuration comes from: a local file or an {@code http(s)} URL, with the bases its
 * {@code extends} names. {@link io.sitechrome.render.LiveChrome} reads its source at start and at
 * every reload interval, on its own thread, never on a request.
 */
public interface ConfigSource {

    /**
     * The configuration file at {@code file}, with the bases it extends (a URL base kept as
     * {@link SourceOptions#DEFAULTS} say).
     *
     * @param file the YAML or JSON file; relative paths in it resolve against its folder
     * @return a source reading that file
     */
    static ConfigSource file(Path file) {
        return new LayeredSource(new ConfigLocation(file, null), SourceOptions.DEFAULTS);
    }

    /**
     * The configuration {@code location} names, with the bases it extends.
     *
     * @param location a file's path, or an {@code http://} or {@code https://} URL
     * @param options  how URLs are fetched and kept, and the SHA-256 the configuration must have
     * @return a source reading it
     * @throws IllegalArgumentException when {@code location} is neither a path nor such a URL
     */
    static ConfigSource of(String location, SourceOptions options) {
        return new LayeredSource(ConfigLocation.parse(location), options);
    }

    /**
     * @param location what a setting or command line names
     * @return whether it is an {@code http://} or {@code https://} URL rather than a file
     */
    static boolean isUrl(String location) {
        return ConfigLocation.isUrl(location);
    }

    /**
     * What logs and problems call this source.
     *
     * @return the file's path or the URL, as given
     */
    String name();

    /**
     * The file, when this source is one.
     *
     * @return the file, or null for a source that is not a local file
     */
    default Path file() {
        return null;
    }

    /**
     * Reads the configuration as it is now, with the bases it extends.
     *
     * @return its bytes, with the folder its relative paths resolve against and its base
     * @throws ConfigException when it cannot be read, with the problems saying why
     */
    ConfigContent read() throws ConfigException;

    /**
     * Called when {@code content}, read from this source, went into service: a URL keeps it on disk
     * as its last good copy. Does nothing for a file.
     *
     * @param content what {@link #read()} returned and was accepted
     */
    default void accepted(ConfigContent content) {
    }
}
