package io.sitechrome.cli;

import io.sitechrome.config.ConfigSource;
import io.sitechrome.config.SourceOptions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class Arguments {

    private final Map<String, String> values;
    private final Set<String> flags;
    private final boolean help;

    private Arguments(Map<String, String> values, Set<String> flags, boolean help) {
        this.values = values;
        this.flags = flags;
        this.help = help;
    }

    static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) throws UsageException {
        if (args.stream().anyMatch(Arguments::isHelp)) return new Arguments(Map.of(), Set.of(), true);
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) throw new UsageException("unexpected argument '" + arg + "'");
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (values.containsKey(name) || flags.contains(name)) throw new UsageException(name + " is given twice");
            if (flagOptions.contains(name)) {
                if (equals >= 0) throw new UsageException(name + " takes no value");
                flags.add(name);
            } else if (valueOptions.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(name + " needs a value");
                }
                if (value.isBlank()) throw new UsageException(name + " needs a value");
                values.put(name, value);
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        return new Arguments(Map.copyOf(values), Set.copyOf(flags), false);
    }

    static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    boolean help() {
        return help;
    }

    String value(String option) {
        return values.get(option);
    }

    String required(String option) throws UsageException {
        String value = values.get(option);
        if (value == null) throw new UsageException("missing " + option);
        return value;
    }

    Path requiredPath(String option) throws UsageException {
        String value = required(option);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " '" + value + "' is not a valid path");
        }
    }

    /**
     * The configuration {@code option} names: a file, or an {@code http(s)} URL read as the origin
     * serves it now (a command keeps no copy of it).
     */
    ConfigSource requiredConfig(String option) throws UsageException {
        String value = required(option);
        try {
            return ConfigSource.of(value, SourceOptions.NO_CACHE);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + e.getMessage());
        }
    }

    boolean flag(String option) {
        return flags.contains(option);
    }
}
