package io.sitechrome.model;

import java.util.List;
import java.util.Map;

/**
 * One complete, validated configuration. Immutable: a reload builds a new one and
 * swaps it in whole.
 *
 * @param version a short hash of the file's content, carried into the rendered output
 * @param source  the file it came from, for messages
 * @param site     the site: its name, home URL, languages and template folder
 * @param skipLink the skip link to the page's main content
 * @param brand    the logo and site name in the header
 * @param header   the header's navigation, actions and chat link
 * @param account  the account menu, or null when the site has none
 * @param banners  the notice banners, in configuration order
 * @param footer   the footer's columns, links and copyright
 * @param cookies  the cookie-consent settings, or null when no cookie banner is shown
 * @param theme    the designer's theme tokens
 * @param strings designer overrides of built-in strings, by key
 */
public record ChromeConfig(String version, String source, Site site, SkipLink skipLink, Brand brand, Header header,
                           Account account, List<Banner> banners, Footer footer, CookieSettings cookies, Theme theme,
                           Map<String, Text> strings) {

    /**
     * Copies the banners and strings, so the configuration stays immutable.
     *
     * @param version  a short hash of the file's content
     * @param source   the file it came from, for messages
     * @param site     the site itself
     * @param skipLink the skip link
     * @param brand    the logo and site name
     * @param header   the header
     * @param account  the account menu, or null
     * @param banners  the notice banners, in order; not null
     * @param footer   the footer
     * @param cookies  the cookie-consent settings, or null
     * @param theme    the theme tokens
     * @param strings  overrides of built-in strings, by key; not null
     */
    public ChromeConfig {
        banners = List.copyOf(banners);
        strings = Map.copyOf(strings);
    }
}
