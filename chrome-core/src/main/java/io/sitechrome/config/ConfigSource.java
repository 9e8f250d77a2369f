package io.sitechrome.config;

import java.nio.file.Path;

/**
 * Where a configuration comes from. {@link io.sitechrome.render.LiveChrome} reads its source at
 * start and at every reload interval, on its own thread, never on a request.
 */
public interface ConfigSource {

    /**
     * The configuration file at {@code file}.
     *
     * @param file the YAML or JSON file; relative paths in it resolve against its folder
     * @return a source reading that file
     */
    static ConfigSource file(Path file) {
        return new FileSource(file);
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
     * Reads the configuration as it is now.
     *
     * @return its bytes, with the folder its relative paths resolve against
     * @throws ConfigException when it cannot be read, with one problem saying why
     */
    ConfigContent read() throws ConfigException;
}
