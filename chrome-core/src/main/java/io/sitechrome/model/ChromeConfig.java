package io.sitechrome.model;

import java.util.List;

/**
 * One complete, validated configuration. Immutable: a reload builds a new one and
 * swaps it in whole.
 *
 * @param version a short hash of the file's content, carried into the rendered output
 * @param source  the file it came from, for messages
 */
public record ChromeConfig(String version, String source, Site site, SkipLink skipLink, Brand brand, Header header,
                           Account account, List<Banner> banners, Footer footer, CookieSettings cookies, Theme theme) {

    public ChromeConfig {
        banners = List.copyOf(banners);
    }
}
