package io.sitechrome.cli;

import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.ConfigSource;
import io.sitechrome.render.Chrome;
import java.util.List;

final class ConfigFiles {

    private ConfigFiles() {
    }

    // a designer's template that fails in a way Chrome does not foresee still gives a problem, not a stack trace
    static Chrome load(ConfigSource source) throws ConfigException {
        try {
            return Chrome.of(ConfigLoader.load(source));
        } catch (RuntimeException | StackOverflowError e) {
            throw new ConfigException(List.of(new ConfigProblem(source.name(), 1, 1, ConfigProblem.ROOT,
                    "cannot load the configuration: " + describe(e))));
        }
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
}
