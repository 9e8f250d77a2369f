package io.sitechrome.config;

import io.sitechrome.internal.config.ConfigLoader;
import java.nio.file.Path;

/**
 * A configuration's bytes as read from its {@link ConfigSource}, with the base it {@code extends}.
 *
 * @param name          what problems call it: the file's path or the URL
 * @param bytes         the YAML or JSON, at most {@link ConfigLoader#MAX_FILE_BYTES}
 * @param baseDirectory the folder relative paths in it (such as {@code site.templates}) resolve against;
 *                      null for a document read from a URL, which names no local folder
 * @param base          the document its {@code extends} names, as read with it, or null when it extends none
 */
public record ConfigContent(String name, byte[] bytes, Path baseDirectory, ConfigContent base) {

    /**
     * One document that extends no other.
     *
     * @param name          what problems call it
     * @param bytes         the YAML or JSON
     * @param baseDirectory the folder its relative paths resolve against, or null for none
     */
    public ConfigContent(String name, byte[] bytes, Path baseDirectory) {
        this(name, bytes, baseDirectory, null);
    }

    /**
     * @param extended the document this one's {@code extends} names
     * @return this document with that base
     */
    public ConfigContent extending(ConfigContent extended) {
        return new ConfigContent(name, bytes, baseDirectory, extended);
    }
}
