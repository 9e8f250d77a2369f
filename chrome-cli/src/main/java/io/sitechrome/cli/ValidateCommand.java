package io.sitechrome.cli;

import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.ConfigSource;
import io.sitechrome.render.Chrome;
import java.io.PrintStream;
import java.util.Set;

final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check a configuration file and list every problem in it";
    }

    @Override
    public String usage() {
        return """
                Usage: chrome validate --config FILE-OR-URL

                Checks the configuration (YAML or JSON), with the bases it extends, against the
                configuration format, including the designer's templates if site.templates names
                a folder. A URL is fetched as its origin serves it now. Prints OK, or one line
                per problem in the form editors and CI logs understand:
                  FILE:LINE:COLUMN: path: message
                A valid file may still show texts in another language than their page's
                (a text without a translation for a locale, a locale the built-in strings do
                not ship in): one warning per such locale goes to standard error, as
                  FILE: warning: he: 24 texts fall back to en
                and the exit status stays 0.

                Options:
                  --config FILE-OR-URL   the configuration file or http(s) URL (required)
                  --help          show this help

                Exit status: 0 valid, 1 problems found, 2 bad command line.
                """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("--config");
    }

    @Override
    public int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException {
        ConfigSource config = arguments.requiredConfig("--config");
        try {
            Chrome chrome = ConfigFiles.load(config);
            for (String fallback : chrome.languageFallbacks()) err.println(config.name() + ": warning: " + fallback);
            out.println("OK");
            return ChromeCli.OK;
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) out.println(ConfigFiles.line(problem));
            return ChromeCli.FAILED;
        }
    }
}
