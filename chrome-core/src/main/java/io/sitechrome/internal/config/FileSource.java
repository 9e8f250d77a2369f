package io.sitechrome.internal.config;

import io.sitechrome.config.ConfigContent;
import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.ConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** A configuration file on disk; anything but a readable regular file is refused before it is opened. */
final class FileSource implements ConfigSource {

    private final Path file;

    /**
     * A source reading {@code file} afresh at each read.
     *
     * @param file the configuration file
     */
    FileSource(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public ConfigContent read() throws ConfigException {
        String refusal = refusal();
        if (refusal != null) throw problem("cannot read the file: " + refusal);
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > ConfigLoader.MAX_FILE_BYTES) {
                throw problem("the file is " + size + " bytes; the limit is " + ConfigLoader.MAX_FILE_BYTES + " bytes");
            }
            byte[] bytes = in.readNBytes(ConfigLoader.MAX_FILE_BYTES + 1);
            if (bytes.length > ConfigLoader.MAX_FILE_BYTES) {
                throw problem("the file is larger than the limit of " + ConfigLoader.MAX_FILE_BYTES + " bytes");
            }
            return ConfigContent.of(name(), bytes, file.toAbsolutePath().getParent());
        } catch (NoSuchFileException e) {
            throw problem("cannot read the file: no such file");
        } catch (IOException e) {
            throw problem("cannot read the file: " + e.getMessage());
        }
    }

    /** Why the file is not even opened: devices and pipes would be read forever. */
    private String refusal() {
        if (Files.isDirectory(file)) return "it is a directory, not a configuration file";
        if (!Files.exists(file)) return "no such file";
        if (!Files.isRegularFile(file)) return "it is not a regular file";
        if (!Files.isReadable(file)) return "permission denied";
        return null;
    }

    private ConfigException problem(String message) {
        return new ConfigException(List.of(new ConfigProblem(name(), 1, 1, ConfigProblem.ROOT, message)));
    }

    @Override
    public String toString() {
        return name();
    }
}
