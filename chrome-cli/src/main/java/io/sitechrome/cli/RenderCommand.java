package io.sitechrome.cli;

import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.ConfigSource;
import io.sitechrome.render.Chrome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class RenderCommand implements Command {

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return "write the chrome as HTML fragments, assets and a standalone page";
    }

    @Override
    public String usage() {
        return """
                Usage: chrome render --config FILE-OR-URL --out DIR [options]

                Renders the chrome for one visitor into DIR, for sites that are not Java:
                  head.html, cookie-banner.html, skip-link.html, banners.html, header.html,
                  footer.html, scripts.html   one fragment per component, to include as is
                  assets/chrome.<hash>.css, assets/chrome.<hash>.js
                  page.html                   a complete page showing where each fragment goes
                All URLs the chrome makes are relative to DIR (./assets/..., and the cookie
                and banner forms post to ./consent and ./banners/...), so keep the fragments'
                page next to assets/ and serve those endpoints yourself, or leave the forms
                inert in a static export.

                Options:
                  --config FILE    the configuration file, or its http(s) URL (required)
                  --out DIR        where to write; created if missing (required)
                  --locale TAG     the visitor's language, such as de or ar (default: the first locale)
                  --user NAME      render for a signed-in visitor of this name
                  --unread N       their number of unread messages (needs --user)
                  --country CC     the visitor's country, ISO 3166 alpha-2, for targeted banners and links
                  --gpc            the browser sends the Global Privacy Control signal
                  --path /p        the page's path: marks the current nav item and is the return URL
                  --help           show this help

                Exit status: 0 written, 1 invalid configuration or write failure, 2 bad command line.
                """;
    }

    @Override
    public Set<String> valueOptions() {
        Set<String> options = new HashSet<>(RequestOptions.VALUE_OPTIONS);
        options.add("--config");
        options.add("--out");
        return options;
    }

    @Override
    public Set<String> flagOptions() {
        return RequestOptions.FLAG_OPTIONS;
    }

    @Override
    public int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException {
        ConfigSource config = arguments.requiredConfig("--config");
        Path directory = arguments.requiredPath("--out");
        RequestOptions options = RequestOptions.from(arguments);
        Chrome chrome;
        try {
            chrome = ConfigFiles.load(config);
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) err.println(ConfigFiles.line(problem));
            return ChromeCli.FAILED;
        }
        StaticExport export = new StaticExport(chrome, options.toRequest(chrome, StaticExport.ENDPOINTS));
        List<Path> written;
        try {
            written = export.writeTo(directory);
        } catch (IOException e) {
            err.println("chrome render: cannot write into " + directory + ": " + ConfigFiles.describe(e));
            return ChromeCli.FAILED;
        }
        for (Path file : written) out.println(file);
        return ChromeCli.OK;
    }
}
