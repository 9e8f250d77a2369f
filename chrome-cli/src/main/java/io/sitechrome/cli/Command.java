package io.sitechrome.cli;

import java.io.PrintStream;
import java.util.Set;

interface Command {

    String name();

    String summary();

    String usage();

    Set<String> valueOptions();

    default Set<String> flagOptions() {
        return Set.of();
    }

    int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException;
}
