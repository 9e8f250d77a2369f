package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sitechrome.Fixtures;
import io.sitechrome.config.UrlPolicy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Path parameters ({@code ;jsessionid=...}, which Tomcat adds to URLs when cookies are off)
 * never reach a return URL or the current-nav match: a session id must not travel to an
 * identity provider, into a cache key or into a bookmark.
 */
class PathParametersTest {

    private static final Chrome CHROME = Fixtures.chrome("""
            site:
              name: Demo
              url: https://www.example.com/
              locales:
                - { tag: en, name: English }
                - { tag: de, name: Deutsch }
            brand:
              name: { text: Demo, href: / }
            header:
              nav:
                - { label: Products, href: /products }
                - label: Help
                  items:
                    - { label: Guides, href: /help/guides }
            account:
              signIn: { label: Sign in, href: "https://login.example.net/?return={returnUrl}" }
            banners:
              - { id: notice, title: Notice, text: Something., dismissible: true }
            cookies:
              categories:
                - { id: necessary, label: Necessary, required: true }
            """);

    @ParameterizedTest
    @CsvSource({
            "/products;jsessionid=0123456789ABCDEF,                 /products,          /products",
            "/products;JSESSIONID=0123456789ABCDEF?tab=2#top,       /products?tab=2#top, /products",
            "/help;v=1/guides;jsessionid=ABC,                       /help/guides,       /help/guides",
            "/help/guides/;jsessionid=ABC?q=a;b,                    /help/guides/?q=a;b, /help/guides",
            "/;jsessionid=ABC,                                      /,                  ",
    })
    void pathParametersAreStrippedFromEveryReturnUrlAndTheNavMatch(String path, String expectedReturn, String current) {
        PageChrome page = CHROME.forRequest(ChromeRequest.builder().path(path).build());
        String all = page.render(Placement.HEAD) + page.render(Placement.BODY_START) + page.render(Placement.BODY_END);
        assertFalse(all.toLowerCase(Locale.ROOT).contains("jsessionid"), all);
        assertFalse(all.contains(";v=1"), all);

        Document html = Fixtures.html(all);
        assertEquals("https://www.example.com" + expectedReturn, decodedQuery(html.selectFirst("a.chrome-account__sign-in"), "return"));
        for (Element field : html.select("input[name=return]")) assertEquals(expectedReturn, field.val(), field.outerHtml());
        Element localeLink = html.selectFirst("nav.chrome-locales a");
        assertNotNull(localeLink);
        assertEquals(expectedReturn, decodedQuery(localeLink, "return"));
        Element marked = html.selectFirst("[aria-current=page]");
        if (current == null) {
            assertEquals(null, marked, "no nav item is current");
        } else {
            assertNotNull(marked, "the nav item of " + current + " is current");
            assertEquals(current, marked.attr("href"));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "/a;jsessionid=1,         /a",
            "/a;x=1;y=2/b;c/c?d=;e,   /a/b/c?d=;e",
            "/a%3Bb,                  /a%3Bb",
            "/;,                      /",
            "/;x/evil.example,        /",
            "/a/;x/b,                 /a//b",
            "'/a;b#c;d',              '/a#c;d'",
    })
    void theReturnPathSanitiserDropsPathParameters(String candidate, String expected) {
        assertEquals(expected, UrlPolicy.sameSitePath(candidate));
    }

    private static String decodedQuery(Element link, String name) {
        String href = link.attr("href");
        String query = href.substring(href.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
        }
        throw new AssertionError("no " + name + " in " + href);
    }
}
