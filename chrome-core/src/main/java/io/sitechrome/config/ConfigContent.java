package io.sitechrome.config;

import io.sitechrome.internal.config.ConfigLoader;
import java.nio.file.Path;

/**
 * A configuration's bytes as read from its {@link ConfigSource}, with the base it {@code extends}.
 * Immutable; made with {@link #of} (and {@link #extending} for the base), so that a later version can
 * add to it without breaking a {@link ConfigSource} written against this one.
 */
public final class ConfigContent {

    private final String name;
    private final byte[] bytes;
    private final Path baseDirectory;
    private final ConfigContent base;

    private ConfigContent(String name, byte[] bytes, Path baseDirectory, ConfigContent base) {
        this.name = name;
        this.bytes = bytes;
        this.baseDirectory = baseDirectory;
        this.base = base;
    }

    /**
     * One document that extends no other.
     *
     * @param name          what problems call it: the file's path or the URL
     * @param bytes         the YAML or JSON, at most {@link ConfigLoader#MAX_FILE_BYTES}
     * @param baseDirectory the folder relative paths in it (such as {@code site.templates}) resolve against;
     *                      null for a document read from a URL, which names no local folder
     * @return the content
     */
    public static ConfigContent of(String name, byte[] bytes, Path baseDirectory) {
        return new ConfigContent(name, bytes, baseDirectory, null);
    }

    /**
     * @param extended the document this one's {@code extends} names
     * @return this document with that base
     */
    public ConfigContent extending(ConfigContent extended) {
        return new ConfigContent(name, bytes, baseDirectory, extended);
    }

    /** @return what problems call it: the file's path or the URL */
    public String name() {
        return name;
    }

    /** @return the YAML or JSON (not copied: do not change it) */
    public byte[] bytes() {
        return bytes;
    }

    /** @return the folder its relative paths resolve against, or null for none */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** @return the document its {@code extends} names, as read with it, or null when it extends none */
    public ConfigContent base() {
        return base;
    }
}
