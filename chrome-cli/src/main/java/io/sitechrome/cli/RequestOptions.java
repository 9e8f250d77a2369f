package io.sitechrome.cli;

import io.sitechrome.config.UrlPolicy;
import io.sitechrome.model.SiteLocale;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Visitor;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

record RequestOptions(String locale, String user, int unread, String country, boolean gpc, String path) {

    static final Set<String> VALUE_OPTIONS = Set.of("--locale", "--user", "--unread", "--country", "--path");
    static final Set<String> FLAG_OPTIONS = Set.of("--gpc");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    static RequestOptions from(Arguments arguments) throws UsageException {
        String user = arguments.value("--user");
        if (user != null && Visitor.named(user).name().isEmpty()) throw new UsageException("--user needs a visible name");
        int unread = unread(arguments.value("--unread"));
        if (arguments.value("--unread") != null && user == null) {
            throw new UsageException("--unread needs --user: only a signed-in visitor has unread messages");
        }
        String country = arguments.value("--country");
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                throw new UsageException("--country must be a two-letter ISO 3166 country code such as US, not '"
                        + arguments.value("--country") + "'");
            }
        }
        String path = arguments.value("--path");
        if (path == null) {
            path = "/";
        } else if (!UrlPolicy.sameSitePath(path).equals(path)) {
            throw new UsageException("--path must be a path on this site starting with '/', such as /legal, not '" + path + "'");
        }
        return new RequestOptions(arguments.value("--locale"), user, unread, country, arguments.flag("--gpc"), path);
    }

    ChromeRequest toRequest(Chrome chrome, String endpoints) throws UsageException {
        String tag = null;
        if (locale != null) {
            SiteLocale match = chrome.locales().match(locale);
            if (match == null) {
                throw new UsageException("--locale '" + locale + "' is not one of the site's locales: "
                        + chrome.config().site().locales().stream().map(SiteLocale::tag).collect(Collectors.joining(", ")));
            }
            tag = match.tag();
        }
        return ChromeRequest.builder()
                .locale(tag)
                .visitor(user == null ? null : Visitor.of(user, null, unread))
                .country(country)
                .gpc(gpc)
                .path(path)
                .endpoints(endpoints)
                .build();
    }

    private static int unread(String value) throws UsageException {
        if (value == null) return 0;
        try {
            int unread = Integer.parseInt(value);
            if (unread >= 0) return unread;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException("--unread must be a whole number of messages, 0 or more, not '" + value + "'");
    }
}
