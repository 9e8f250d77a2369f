package io.sitechrome.config;

import java.nio.file.Path;

/**
 * A configuration's bytes as read from its {@link ConfigSource}.
 *
 * @param name          what problems call it: the file's path or the URL
 * @param bytes         the YAML or JSON, at most {@link ConfigLoader#MAX_FILE_BYTES}
 * @param baseDirectory the folder relative paths in it (such as {@code site.templates}) resolve against
 */
public record ConfigContent(String name, byte[] bytes, Path baseDirectory) {
}
