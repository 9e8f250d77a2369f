package io.sitechrome.cli;

import io.sitechrome.model.SiteLocale;
import io.sitechrome.render.Chrome;

// title is text; the other parts are the chrome's or our own markup, inserted as is.
// The chrome goes edge to edge, as on a site: no browser margin around the body.
record PageDocument(SiteLocale locale, String title, String head, String bodyStart, String main, String bodyEnd) {

    String html() {
        return "<!DOCTYPE html>\n"
                + "<html lang=\"" + Html.escape(locale.tag()) + "\" dir=\"" + locale.dir() + "\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n"
                + "<style>body{margin:0}main{padding:0 1rem}</style>\n"
                + head
                + "</head>\n"
                + "<body>\n"
                + bodyStart
                + "<main id=\"main\" tabindex=\"-1\">\n"
                + main
                + "</main>\n"
                + bodyEnd
                + "</body>\n"
                + "</html>\n";
    }

    static String siteName(Chrome chrome, SiteLocale locale) {
        var site = chrome.config().site();
        return site.name().in(locale.fallbackChain(site.defaultLocale()));
    }

    static String placeholder(String heading, String text) {
        return "<h1>" + Html.escape(heading) + "</h1>\n"
                + "<p lang=\"en\" dir=\"ltr\">" + Html.escape(text) + "</p>\n";
    }
}
