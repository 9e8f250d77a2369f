package io.sitechrome.cli;

import io.sitechrome.config.ConfigProblem;
import io.sitechrome.internal.i18n.Messages;
import io.sitechrome.model.SiteLocale;
import io.sitechrome.render.Chrome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

final class Gallery {

    static final int[] WIDTHS = {320, 768, 1024, 1280};
    static final int HEIGHT = 640;

    private static final String STYLE = """
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f3f3f3;color:#1a1a1a}
            .gallery-header{padding:16px 24px;background:#fff;border-bottom:1px solid #d1d1d1}
            .gallery-header h1{margin:0 0 4px;font-size:20px}
            .gallery-header p{margin:0}
            .gallery-toc{display:flex;flex-wrap:wrap;gap:4px 16px;margin:8px 0 0;padding:0;list-style:none}
            .problems{margin:16px 24px;padding:12px 16px;border:2px solid #c50f1f;border-radius:4px;background:#fde7e9}
            .problems h2{margin:0 0 8px;font-size:16px}
            .problems ul{margin:0;padding-left:20px}
            .problems li{font-family:ui-monospace,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
            .state{padding:8px 24px 24px}
            .state h2{margin:16px 0 2px;font-size:17px}
            .state>p{margin:0 0 8px;color:#616161}
            .frames{display:flex;gap:16px;overflow-x:auto;align-items:flex-start;padding-bottom:12px}
            figure{margin:0;flex:none}
            figcaption{margin-bottom:4px;color:#424242}
            iframe{display:block;border:1px solid #b3b3b3;background:#fff}
            """;

    private Gallery() {
    }

    static String html(PreviewSnapshot snapshot, String config) {
        Chrome chrome = snapshot.chrome();
        StringBuilder html = new StringBuilder(16384);
        String title = chrome == null ? "site-chrome preview"
                : "Preview: " + PageDocument.siteName(chrome, chrome.config().site().defaultLocale()) + " (site-chrome)";
        html.append(documentStart(title));
        html.append("<header class=\"gallery-header\">\n<h1>site-chrome preview</h1>\n<p><code>")
                .append(Html.escape(config)).append("</code>");
        if (chrome != null) html.append(" · version <code>").append(Html.escape(chrome.version())).append("</code>");
        html.append(" · this page reloads when the file is saved</p>\n");
        List<PreviewState> states = chrome == null ? List.of() : PreviewState.of(chrome);
        if (!states.isEmpty()) {
            html.append("<nav aria-label=\"States\"><ul class=\"gallery-toc\">\n");
            for (PreviewState state : states) {
                html.append("<li><a href=\"#state-").append(state.name()).append("\">").append(Html.escape(state.title())).append("</a></li>\n");
            }
            html.append("</ul></nav>\n");
        }
        html.append("</header>\n");
        html.append(problems(snapshot));
        html.append("<main>\n");
        for (PreviewState state : states) html.append(section(chrome, state));
        html.append("</main>\n");
        html.append(reloadScript(snapshot.generation()));
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    static String problemsPage(PreviewSnapshot snapshot) {
        return documentStart("Invalid configuration (site-chrome)") + problems(snapshot)
                + reloadScript(snapshot.generation()) + "</body>\n</html>\n";
    }

    // only in the top window: an event stream per gallery iframe would use up the browser's few connections per host
    static String reloadScript(int generation) {
        return "<script>\n"
                + "if (window.top === window) {\n"
                + "  const shown = \"" + generation + "\";\n"
                + "  const events = new EventSource(\"/events\");\n"
                + "  events.addEventListener(\"hello\", e => { if (e.data !== shown) location.reload(); });\n"
                + "  events.addEventListener(\"reload\", () => location.reload());\n"
                + "  events.addEventListener(\"problems\", () => location.reload());\n"
                + "}\n"
                + "</script>\n";
    }

    static String stateUrl(PreviewState state, SiteLocale locale) {
        return "/state/" + state.name() + "?locale=" + URLEncoder.encode(locale.tag(), StandardCharsets.UTF_8);
    }

    private static String documentStart(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n";
    }

    private static String problems(PreviewSnapshot snapshot) {
        if (snapshot.valid()) return "";
        StringBuilder html = new StringBuilder("<section class=\"problems\" role=\"alert\" aria-labelledby=\"problems-title\">\n");
        int count = snapshot.problems().size();
        html.append("<h2 id=\"problems-title\">The configuration has ").append(count).append(count == 1 ? " problem" : " problems")
                .append("</h2>\n<p>");
        html.append(snapshot.chrome() == null ? "Nothing can be shown until it is fixed."
                : "Showing the last valid version, " + Html.escape(snapshot.chrome().version()) + ", until it is fixed.");
        html.append("</p>\n<ul>\n");
        for (ConfigProblem problem : snapshot.problems()) {
            html.append("<li>").append(Html.escape(ConfigFiles.line(problem))).append("</li>\n");
        }
        return html.append("</ul>\n</section>\n").toString();
    }

    private static String section(Chrome chrome, PreviewState state) {
        StringBuilder html = new StringBuilder();
        html.append("<section class=\"state\" id=\"state-").append(state.name()).append("\" aria-labelledby=\"state-")
                .append(state.name()).append("-title\">\n<h2 id=\"state-").append(state.name()).append("-title\">")
                .append(Html.escape(state.title())).append("</h2>\n<p>").append(Html.escape(state.description())).append("</p>\n");
        for (SiteLocale locale : locales(chrome)) {
            html.append("<div class=\"frames\">\n");
            for (int width : WIDTHS) {
                String url = Html.escape(stateUrl(state, locale));
                String caption = locale.name() + " (" + locale.tag() + ", " + locale.dir() + ") · " + width + "px";
                html.append("<figure>\n<figcaption>").append(Html.escape(caption))
                        .append(" · <a href=\"").append(url).append("\" target=\"_blank\">open</a></figcaption>\n")
                        .append("<iframe src=\"").append(url).append("\" width=\"").append(width).append("\" height=\"").append(HEIGHT)
                        .append("\" loading=\"lazy\" title=\"").append(Html.escape(state.title() + ", " + caption)).append("\"></iframe>\n")
                        .append("</figure>\n");
            }
            html.append("</div>\n");
        }
        return html.append("</section>\n").toString();
    }

    /** The first left-to-right locale, then every right-to-left one the built-in strings are translated into. */
    static List<SiteLocale> locales(Chrome chrome) {
        List<SiteLocale> all = chrome.config().site().locales();
        List<SiteLocale> chosen = new ArrayList<>();
        all.stream().filter(locale -> !locale.rightToLeft()).findFirst().ifPresent(chosen::add);
        all.stream().filter(SiteLocale::rightToLeft).filter(Gallery::translated).forEach(chosen::add);
        if (chosen.size() == 1) all.stream().filter(SiteLocale::rightToLeft).findFirst().ifPresent(chosen::add);
        return chosen;
    }

    private static boolean translated(SiteLocale locale) {
        return !Messages.forTag(locale.tag()).tag().equals("en");
    }
}
