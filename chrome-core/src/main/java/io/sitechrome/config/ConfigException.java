package io.sitechrome.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a configuration cannot be loaded. It carries every problem found, in
 * file order, so a designer can fix them all in one pass. Nothing of a configuration
 * that has problems is ever used.
 */
public final class ConfigException extends Exception {

    /** Every problem found, in file order. */
    private final List<ConfigProblem> problems;

    /**
     * An exception whose message lists {@code problems}, one per line. It records no stack trace:
     * the problems, not the code that found them, are what a designer needs.
     *
     * @param problems every problem found, in the order to report them
     */
    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem found.
     *
     * @return the problems, one per line of {@link #getMessage()}, in file order
     */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
