package io.sitechrome.cli;

import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.LiveChrome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

final class ConfigFiles {

    private ConfigFiles() {
    }

    static Chrome load(Path file) throws ConfigException {
        return guarded(file, () -> Chrome.load(file));
    }

    static LiveChrome watch(Path file, Duration interval) throws ConfigException {
        return guarded(file, () -> LiveChrome.watch(file, interval));
    }

    static String line(ConfigProblem problem) {
        return problem.toString().replaceAll("[\\r\\n\\t]+", " ");
    }

    static List<String> lines(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigFiles::line).toList();
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message.replaceAll("[\\r\\n\\t]+", " ");
    }

    private interface Loader<T> {
        T load() throws ConfigException;
    }

    private static <T> T guarded(Path file, Loader<T> loader) throws ConfigException {
        String refusal = refusal(file);
        if (refusal != null) throw single(file, refusal);
        try {
            return loader.load();
        } catch (RuntimeException | StackOverflowError e) {
            throw single(file, "cannot load the configuration: " + describe(e));
        }
    }

    // devices and pipes would be read forever
    private static String refusal(Path file) {
        if (Files.isDirectory(file)) return "is a directory, not a configuration file";
        if (!Files.exists(file)) return "no such file";
        if (!Files.isRegularFile(file)) return "is not a regular file";
        if (!Files.isReadable(file)) return "cannot be read (permission denied)";
        return null;
    }

    private static ConfigException single(Path file, String message) {
        return new ConfigException(List.of(new ConfigProblem(file.toString(), 1, 1, ConfigProblem.ROOT, message)));
    }
}
