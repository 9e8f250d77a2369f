package io.sitechrome.model;

import java.util.List;
import java.util.Map;

/**
 * One complete, validated configuration. Immutable: a reload builds a new one and
 * swaps it in whole.
 *
 * @param version a short hash of the file's content, carried into the rendered output
 * @param source  the file it came from, for messages
 * @param strings designer overrides of built-in strings, by key
 */
public record ChromeConfig(String version, String source, Site site, SkipLink skipLink, Brand brand, Header header,
                           Account account, List<Banner> banners, Footer footer, CookieSettings cookies, Theme theme,
                           Map<String, Text> strings) {

    public ChromeConfig {
        banners = List.copyOf(banners);
        strings = Map.copyOf(strings);
    }
}
