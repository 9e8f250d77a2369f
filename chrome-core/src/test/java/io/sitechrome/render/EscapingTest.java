package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.model.ChromeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile strings, in the spirit of the OWASP XSS filter evasion cheat sheet, in every text of a configuration and in
 * every value of a request. Whatever they are, they come back as text, never as markup.
 */
class EscapingTest {

    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "' onmouseover='alert(1)",
            "\" onmouseover=\"alert(1)",
            "\" autofocus onfocus=\"alert(1)",
            "x\"onmouseover=\"alert(1)",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\u0000script:alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
            "&#x6A;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "vbscript:msgbox(1)",
            "</textarea><script>alert(1)</script>",
            "</title><script>alert(1)</script>",
            "</style><script>alert(1)</script>",
            "</script><script>alert(1)</script>",
            "<!--",
            "--><script>alert(1)</script>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "{{mustache}}",
            "{{{triple}}}",
            "{{#section}}shown{{/section}}",
            "{{>partial}}",
            "{{=<% %>=}}<%x%>",
            "{locale} {returnUrl}",
            "${7*7} #{7*7} <%= 7*7 %>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=javascript:alert(1)>",
            "<body onload=alert(1)>",
            "<img src=\"x",
            "'';!--\"<XSS>=&{()}",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
            "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>",
            "<math><mi xlink:href=\"data:x,<script>alert(4)</script>\">",
            "<form><button formaction=javascript:alert(1)>X",
            "<input autofocus onfocus=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<base href=\"https://evil.example/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "\"'><svg/onload=alert(1)>",
            "`-alert(1)-`",
            "<scr\u0000ipt>alert(1)</scr\u0000ipt>",
            "\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E",
            "%3Cscript%3Ealert(1)%3C/script%3E",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&amp; &quot; &#39; &nbsp;",
            "/\"><script>alert(1)</script>",
            "//evil.example/",
            "/%0d%0aSet-Cookie:x=1",
            "\r\n\r\n<script>alert(1)</script>",
            "<!DOCTYPE html><html>",
            "]]>",
            "a\u2028b\u2029c\u0085d",
            "\u202Egnp.exe",
            "abc\u202Edef\u202C\u2066ghi\u2069",
            "zero\u200Bwidth\u200Djoiner\uFEFFbom",
            "\uD83D\uDE00 emoji \uD83C\uDDE9\uD83C\uDDEA",
            "\u0001\u0002\u0007\u001B[31m\u007F",
            "false",
            "0",
            "A".repeat(1900),
            "\uE000\uE100",
            "\uE000\uE107",
            "\uE000\uE104\uE000\uE106\uE000\uE101",
            "\uE000\uE0FF\uE000",
            "\uE000",
            privateUseSweep(),
            markerSweep());

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data-src", "xlink:href", "poster",
            "background", "data-chrome-cookies", "data-chrome-endpoints");
    private static final Set<String> CHROME_TAGS = Set.of("html", "head", "body", "a", "button", "div", "footer", "form", "h2", "header",
            "img", "input", "label", "li", "link", "nav", "p", "path", "script", "section", "span", "svg", "ul", "details", "summary", "code");
    private static final ChromeRequest CLEAN_REQUEST = ChromeRequest.builder().locale("en").path("/products").country("US")
            .nonce("cleanNonce123").endpoints("/chrome/").visitor(Visitor.of("Clean Visitor", "/avatar.png", 2)).build();
    private static final Chrome CLEAN = chrome(config("Clean text"));
    private static final Map<Component, Document> CLEAN_PAGES = new EnumMap<>(Component.class);
    private static final Map<String, Chrome> HOSTILE = new ConcurrentHashMap<>();

    static {
        for (Component component : Component.values()) CLEAN_PAGES.put(component, Fixtures.html(CLEAN.render(component, CLEAN_REQUEST)));
    }

    private static Chrome hostile(String payload) {
        return HOSTILE.computeIfAbsent(payload, p -> chrome(config(p)));
    }

    /** U+E000..U+E1FF: the range the renderer takes its slot markers from. */
    private static String privateUseSweep() {
        StringBuilder text = new StringBuilder();
        for (char c = '\uE000'; c <= '\uE1FF'; c++) text.append(c);
        return text.toString();
    }

    /** The marker start character in front of every private-use character after it. */
    private static String markerSweep() {
        StringBuilder text = new StringBuilder();
        for (char c = '\uE0F0'; c <= '\uE1FF'; c++) text.append('\uE000').append(c);
        return text.toString();
    }

    static Stream<String> payloads() {
        return PAYLOADS.stream();
    }

    @Test
    void thereAreEnoughPayloads() {
        assertTrue(PAYLOADS.size() >= 50, "at least 50 payloads, found " + PAYLOADS.size());
    }

    // ---- payloads in every text of the configuration

    @ParameterizedTest
    @MethodSource("payloads")
    void designerTextsComeBackAsTheSameTextAndAddNoMarkup(String payload) {
        Chrome chrome = hostile(payload);
        String text = canonical(payload);
        Map<Component, Document> pages = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            Document clean = CLEAN_PAGES.get(component);
            Document hostile = Fixtures.html(chrome.render(component, CLEAN_REQUEST));
            pages.put(component, hostile);
            assertEquals(skeleton(clean), skeleton(hostile), component + ": the payload changed the markup");
            assertSafe(hostile, component);
            if (component != Component.HEAD && component != Component.SCRIPTS) {
                assertTrue(canonical(hostile.text()).contains(text), component + " lost the text " + describe(payload));
                if (component != Component.HEADER) {
                    assertFalse(hostile.text().contains("Clean Visitor"), component + " shows the visitor's name where the designer's text should be");
                }
            }
        }
        Document header = pages.get(Component.HEADER);
        assertEquals(text, canonical(header.selectFirst("a.chrome-brand__name").text()));
        assertEquals(text, canonical(header.selectFirst("a.chrome-brand__logo img").attr("alt")));
        assertEquals(text, canonical(header.selectFirst("a.chrome-header__action").text()));
        assertEquals(canonical("Signed in as Clean Visitor"), canonical(header.selectFirst("p.chrome-account__who").text()),
                "the request's values stay where the templates put them");
        Document footer = pages.get(Component.FOOTER);
        if (payload.codePointCount(0, payload.length()) <= 100) {
            assertEquals(text, canonical(footer.selectFirst("nav.chrome-locales a[lang=de]").text()));
        }
        assertEquals(text, canonical(footer.selectFirst(".chrome-footer__copyright").text()));
    }

    @Test
    void slotMarkersInDesignerTextNeverExpandIntoRequestValues() {
        Chrome chrome = chrome(config("Brand\uE000\uE100name\uE000\uE107"));
        ChromeRequest request = ChromeRequest.builder().visitor(Visitor.named("Mallory")).nonce("SECRETNONCE123").build();
        Document header = Fixtures.html(chrome.render(Component.HEADER, request));
        assertEquals("Brand\uE000\uE100name\uE000\uE107", header.selectFirst("a.chrome-brand__name").text());
        String page = chrome.forRequest(request).render(Placement.BODY_START) + chrome.forRequest(request).render(Placement.BODY_END);
        assertFalse(Fixtures.html(page).text().contains("SECRETNONCE123"), "the nonce must never become visible text");
        assertEquals(List.of("Mallory", "Signed in as Mallory"), Fixtures.html(page).select(":containsOwn(Mallory)").eachText(),
                "the name appears only on the menu button and in 'Signed in as'");

        Chrome overridden = chrome(Fixtures.MINIMAL + "strings:\n  skipLink: \"Skip\\uE000\\uE107\"\n  nav.label: \"Nav\\uE000\\uE100\"\n"
                + "header:\n  nav: [ { label: Home, href: / } ]\n");
        assertEquals("Skip\uE000\uE107", Fixtures.html(overridden.render(Component.SKIP_LINK, request)).selectFirst("a").text());
        assertEquals("Nav\uE000\uE100", Fixtures.html(overridden.render(Component.HEADER, request)).selectFirst("nav").attr("aria-label"));
    }

    // ---- payloads in every value of a request

    @ParameterizedTest
    @MethodSource("payloads")
    void requestValuesAddNoMarkup(String payload) {
        Visitor visitor = Visitor.of(payload, payload, 2);
        ChromeRequest hostile = ChromeRequest.builder().locale(payload).path(payload).country(payload).nonce(payload)
                .endpoints(payload).visitor(visitor).dismissedBanners(Set.of(payload)).build();
        for (Component component : Component.values()) {
            Document clean = CLEAN_PAGES.get(component);
            Document page = Fixtures.html(CLEAN.render(component, hostile));
            assertSafe(page, component);
            Map<String, Integer> allowed = counts(clean);
            counts(page).forEach((name, count) -> assertTrue(count <= allowed.getOrDefault(name, 0),
                    component + ": " + count + " × " + name + " where a clean request has " + allowed.getOrDefault(name, 0)));
            for (Element input : page.select("input[name=return]")) {
                String value = input.attr("value");
                assertTrue(value.equals("/") || (value.equals(payload) && payload.startsWith("/")), component + " return " + describe(value));
            }
            for (Element element : page.select("[nonce]")) assertEquals(payload, element.attr("nonce"));
            for (Element element : page.select("[lang]")) assertTrue(Set.of("en", "de").contains(element.attr("lang")), element.attr("lang"));
            for (Element element : page.select("[action]")) {
                String action = element.attr("action");
                assertTrue(action.startsWith("/chrome/") || action.startsWith(payload), action);
            }
        }
        Document header = Fixtures.html(CLEAN.render(Component.HEADER, hostile));
        Element who = header.selectFirst("p.chrome-account__who");
        if (visitor.name().isEmpty()) {
            assertNotNull(header.selectFirst("a.chrome-account__sign-in"), "a visitor whose name is blank is signed out");
        } else {
            assertEquals(canonical("Signed in as " + visitor.name()), canonical(who.text()));
            assertEquals(canonical(visitor.name()), canonical(header.selectFirst("button.chrome-account__button").text()));
        }
        for (Element avatar : header.select("img.chrome-account__avatar")) assertEquals(payload, avatar.attr("src"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileConfigurationAndHostileRequestTogetherStaySafe(String payload) {
        Chrome chrome = hostile(payload);
        ChromeRequest hostile = ChromeRequest.builder().locale(payload).path(payload).country(payload).nonce(payload)
                .endpoints(payload).visitor(Visitor.of(payload, payload, 7)).dismissedBanners(Set.of(payload)).build();
        String body = chrome.forRequest(hostile).render(Placement.BODY_START) + chrome.forRequest(hostile).render(Placement.BODY_END);
        Document page = Fixtures.html(chrome.forRequest(hostile).render(Placement.HEAD) + body);
        assertSafe(page, null);
    }

    // ---- payloads in URL fields

    /** Every URL field of the format, each holding the same URL. */
    static final List<String> URL_PATHS = List.of("site.url", "brand.logo.src", "brand.name.href", "header.nav[0].href",
            "header.nav[1].items[0].href", "header.chat.href", "account.signIn.href", "account.menu[0].href", "banners[0].link.href",
            "footer.columns[0].links[0].href", "footer.links[0].href", "footer.social[0].href", "cookies.policyUrl", "cookies.scripts[0].src");

    static String urlConfig(String url) {
        return """
                site: { name: Demo, url: %1$s, locales: [ { tag: en, name: English } ] }
                brand: { logo: { src: %1$s, alt: Logo }, name: { text: Demo, href: %1$s } }
                header:
                  nav: [ { label: X, href: %1$s }, { label: D, items: [ { label: Y, href: %1$s } ] } ]
                  chat: { label: Chat, href: %1$s }
                account: { signIn: { label: In, href: %1$s }, menu: [ { label: M, href: %1$s } ] }
                banners: [ { id: b, title: T, text: X, link: { label: L, href: %1$s } } ]
                footer:
                  columns: [ { heading: H, links: [ { label: L, href: %1$s } ] } ]
                  links: [ { label: L, href: %1$s } ]
                  social: [ { network: x, label: L, href: %1$s } ]
                cookies: { policyUrl: %1$s, categories: [ { id: a, label: A } ], scripts: [ { category: a, src: %1$s } ] }
                """.formatted(yaml(url));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void aPayloadInAUrlFieldIsRefusedOrRendersInert(String payload) {
        ChromeConfig config;
        try {
            config = ConfigLoader.parse("url.yaml", urlConfig(payload).getBytes(StandardCharsets.UTF_8), Path.of("."));
        } catch (ConfigException e) {
            assertEquals(Set.copyOf(URL_PATHS), e.problems().stream().map(ConfigProblem::path).collect(java.util.stream.Collectors.toSet()),
                    describe(payload) + " must be refused in every URL field, and nowhere else:\n" + e.getMessage());
            return;
        }
        assertFalse(mustBeRefused(payload), "accepted " + describe(payload));
        Chrome chrome = chrome(config);
        String expected = payload.replace("{locale}", "en");
        int found = 0;
        for (ChromeRequest request : List.of(CLEAN_REQUEST, ChromeRequest.anonymous())) {
            for (Component component : Component.values()) {
                Document page = Fixtures.html(chrome.render(component, request));
                assertSafe(page, component);
                for (Element element : page.getAllElements()) {
                    for (String name : List.of("href", "src", "data-src")) if (expected.equals(element.attr(name))) found++;
                }
            }
        }
        assertTrue(found >= 13, "the accepted URL " + describe(payload) + " must come back unchanged as attribute values; found " + found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\tjavascript:alert(1)",
            "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)", "javascript\t:alert(1)", "\u0001javascript:alert(1)",
            "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "data:text/html,<script>alert(1)</script>", "DATA:text/html,x",
            "vbscript:msgbox(1)", "livescript:x", "file:///etc/passwd", "blob:https://x/y", "jar:file:x!/y", "about:blank",
            "\u202Ejavascript:alert(1)", "\uFEFFjavascript:alert(1)", "https://x.example/ onmouseover=alert(1)"})
    void scriptAndForeignSchemesAreRefusedInEveryUrlField(String url) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("url.yaml", urlConfig(url).getBytes(StandardCharsets.UTF_8), Path.of(".")), describe(url));
        assertEquals(URL_PATHS.size(), e.problems().size(), e.getMessage());
        assertEquals(Set.copyOf(URL_PATHS), e.problems().stream().map(ConfigProblem::path).collect(java.util.stream.Collectors.toSet()));
    }

    /** A URL a browser would run or send somewhere other than http, https, mailto or tel, or one with white space. */
    private static boolean mustBeRefused(String url) {
        String seen = url.replaceAll("[\\t\\n\\r]", "").replaceFirst("^[\\u0000-\\u0020]+", "");
        Matcher scheme = SCHEME.matcher(seen);
        if (scheme.find() && !SAFE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) return true;
        return url.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
    }

    // ---- the configuration every payload goes into


    static String config(String payload) {
        String t = yaml(payload);
        String localeName = payload.codePointCount(0, payload.length()) <= 100 ? t : "Deutsch";
        return """
                site:
                  name: %1$s
                  url: https://www.example.com/
                  locales:
                    - { tag: en, name: English }
                    - { tag: de, name: %2$s }
                skipLink: { text: %1$s }
                brand:
                  logo: { src: /logo.svg, alt: %1$s }
                  name: { text: %1$s, href: / }
                header:
                  nav:
                    - { label: %1$s, href: /products }
                    - label: { en: %1$s, de: %1$s }
                      items: [ { label: %1$s, href: /one } ]
                  actions: [ { label: %1$s, href: /act } ]
                  chat: { label: %1$s, href: /chat }
                account:
                  signIn: { label: %1$s, href: "https://login.example.com/?return={returnUrl}" }
                  signUp: { label: %1$s, href: /signup }
                  menu: [ { label: %1$s, href: /profile }, { label: %1$s, href: /out } ]
                banners:
                  - { id: everywhere, title: %1$s, text: %1$s, link: { label: %1$s, href: /more } }
                  - { id: us-only, title: %1$s, text: %1$s, countries: [US], dismissible: true }
                footer:
                  columns: [ { heading: %1$s, links: [ { label: %1$s, href: /col } ] } ]
                  links:
                    - { label: %1$s, href: /privacy, icon: privacy-choices, countries: [US] }
                    - { label: %1$s, action: manage-cookies }
                  social: [ { network: x, label: %1$s, href: "https://x.example/demo" } ]
                  copyright: %1$s
                cookies:
                  policyUrl: /cookies
                  categories:
                    - { id: necessary, label: %1$s, description: %1$s, required: true }
                    - id: analytics
                      label: %1$s
                      description: %1$s
                      services: [ { id: svc, label: %1$s } ]
                  scripts: [ { category: analytics, src: /a.js } ]
                  text: { title: %1$s, body: %1$s, acceptAll: %1$s, rejectAll: %1$s, customize: %1$s, save: %1$s }
                """.formatted(t, localeName);
    }

    /** {@code text} as a YAML double-quoted scalar, with everything outside printable ASCII escaped. */
    static String yaml(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') out.append('\\').append((char) c);
            else if (c >= 0x20 && c < 0x7f) out.append((char) c);
            else if (c <= 0xffff) out.append(String.format("\\u%04X", c));
            else out.append(String.format("\\U%08X", c));
        });
        return out.append('"').toString();
    }

    private static Chrome chrome(String yaml) {
        return chrome(Fixtures.config(yaml));
    }

    private static Chrome chrome(ChromeConfig config) {
        try {
            return Chrome.of(config, Fixtures.CLOCK_2024);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    // ---- looking at the output

    /**
     * Text as a reader gets it: characters HTML cannot carry (controls, non-characters, lone surrogates) read as a
     * space, as do non-breaking spaces; line ends are normalised and runs of spaces collapsed, and zero-width spaces and
     * soft hyphens dropped, as jsoup's text() does.
     */
    static String canonical(String text) {
        StringBuilder out = new StringBuilder();
        text.replace("\r\n", "\n").codePoints().filter(c -> c != 0x200B && c != 0xAD).forEach(c -> {
            boolean blank = Character.isISOControl(c) || c == 0xA0 || c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF);
            out.appendCodePoint(blank ? ' ' : c);
        });
        String collapsed = out.toString().replaceAll(" {2,}", " ");
        int start = 0;
        int end = collapsed.length();
        while (start < end && collapsed.charAt(start) == ' ') start++;
        while (end > start && collapsed.charAt(end - 1) == ' ') end--;
        return collapsed.substring(start, end);
    }

    private static List<String> skeleton(Document page) {
        List<String> shape = new ArrayList<>();
        for (Element element : page.body().getAllElements()) {
            List<String> attributes = new ArrayList<>();
            for (Attribute attribute : element.attributes()) attributes.add(attribute.getKey());
            attributes.sort(null);
            shape.add(element.tagName() + attributes);
        }
        return shape;
    }

    private static Map<String, Integer> counts(Document page) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Element element : page.getAllElements()) {
            counts.merge("<" + element.tagName() + ">", 1, Integer::sum);
            for (Attribute attribute : element.attributes()) counts.merge("@" + attribute.getKey(), 1, Integer::sum);
        }
        return counts;
    }

    private static void assertSafe(Document page, Component component) {
        for (Element element : page.getAllElements()) {
            if (element == page) continue;
            if (!CHROME_TAGS.contains(element.tagName())) fail(component + ": unexpected element <" + element.tagName() + ">");
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) fail(component + ": event handler attribute " + name + " on " + element.tagName());
                if (URL_ATTRIBUTES.contains(name)) {
                    String url = attribute.getValue().replaceAll("[\\t\\n\\r]", "").replaceFirst("^[\\u0000-\\u0020]+", "");
                    Matcher scheme = SCHEME.matcher(url);
                    if (scheme.find() && !SAFE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
                        fail(component + ": " + name + " with the scheme " + scheme.group(1) + " on " + element.tagName());
                    }
                }
            }
        }
    }

    private static String describe(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        StringBuilder out = new StringBuilder("'");
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0xE000 && c <= 0xF8FF) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append("'").toString();
    }
}
