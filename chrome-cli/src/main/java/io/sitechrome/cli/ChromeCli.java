package io.sitechrome.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code chrome} command line: {@code validate}, {@code render} and {@code preview}
 * a chrome configuration.
 *
 * <p>Exit status: {@value #OK} on success, {@value #FAILED} when the configuration is
 * invalid or a file cannot be written, {@value #USAGE} for a bad command line.
 */
public final class ChromeCli {

    /** The exit status of a command that did what it was asked. */
    public static final int OK = 0;
    /** The exit status when the configuration has problems or the work failed. */
    public static final int FAILED = 1;
    /** The exit status of a command line that cannot be understood. */
    public static final int USAGE = 2;

    private static final Map<String, Command> COMMANDS = commands(new ValidateCommand(), new RenderCommand(), new PreviewCommand());

    private ChromeCli() {
    }

    /**
     * Runs the command line and exits the JVM with its exit status; output is UTF-8.
     *
     * @param args the command and its arguments, such as {@code validate chrome.yaml}
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs one command line in this process, writing to {@code out} and {@code err}
     * instead of the console; returns the exit status instead of exiting. Never throws,
     * and never prints a stack trace.
     *
     * @param args the command and its arguments; none, or an unknown command, prints the usage to {@code err}
     * @param out  where results and help go
     * @param err  where problems and usage errors go
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("chrome: missing command");
            err.print(usage());
            return USAGE;
        }
        if (Arguments.isHelp(args[0]) || args[0].equals("help")) {
            out.print(usage());
            return OK;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("chrome: unknown command '" + args[0] + "'");
            err.print(usage());
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            Arguments arguments = Arguments.parse(rest, command.valueOptions(), command.flagOptions());
            if (arguments.help()) {
                out.print(command.usage());
                return OK;
            }
            return command.run(arguments, out, err);
        } catch (UsageException e) {
            err.println("chrome " + command.name() + ": " + e.getMessage());
            err.print(command.usage());
            return USAGE;
        } catch (RuntimeException | StackOverflowError e) {
            err.println("chrome " + command.name() + ": unexpected error: " + ConfigFiles.describe(e));
            return FAILED;
        }
    }

    static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: chrome <command> [options]

                Commands:
                """);
        for (Command command : COMMANDS.values()) {
            text.append(String.format("  %-10s %s%n", command.name(), command.summary()));
        }
        text.append("""

                Run 'chrome <command> --help' for the options of one command.
                Exit status: 0 success, 1 invalid configuration or failure, 2 bad command line.
                """);
        return text.toString();
    }

    private static Map<String, Command> commands(Command... commands) {
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command command : commands) byName.put(command.name(), command);
        return byName;
    }
}
