package io.sitechrome.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import io.sitechrome.render.Placement;
import io.sitechrome.render.Visitor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every URL field of the configuration refuses {@code javascript:}, {@code data:}, {@code vbscript:}
 * and other schemes however they are disguised (case, whitespace, control characters, HTML
 * character references, Unicode look-alikes), naming the exact path, line and column. Look-alikes
 * that are not schemes at all may load, but only render as harmless relative links.
 */
class HostileUrlConfigTest {

    private static final String OK = "\"https://www.example.com/ok\"";
    private static final Pattern FIELD = Pattern.compile("\\{([a-zA-Z\\[\\]0-9.]+)}");

    /** A configuration with every URL field of the schema, each a {@code {path}} to fill in. */
    private static final String TEMPLATE = """
            site:
              name: Demo
              url: {site.url}
              locales:
                - { tag: en, name: English }
            brand:
              logo: { src: {brand.logo.src}, alt: Logo, href: {brand.logo.href} }
              name: { text: Demo, href: {brand.name.href} }
            header:
              nav:
                - { label: Home, href: {header.nav[0].href} }
                - label: More
                  items:
                    - { label: Item, href: {header.nav[1].items[0].href} }
              actions:
                - { label: Go, href: {header.actions[0].href} }
              chat: { label: Chat, href: {header.chat.href} }
            account:
              signIn: { label: Sign in, href: {account.signIn.href} }
              signUp: { label: Sign up, href: {account.signUp.href} }
              menu:
                - { label: Profile, href: {account.menu[0].href} }
            banners:
              - id: notice
                title: Notice
                text: Text
                link: { label: More, href: {banners[0].link.href} }
            footer:
              columns:
                - heading: Company
                  links:
                    - { label: About, href: {footer.columns[0].links[0].href} }
              links:
                - { label: Privacy, href: {footer.links[0].href} }
              social:
                - { network: github, label: GitHub, href: {footer.social[0].href} }
            cookies:
              policyUrl: {cookies.policyUrl}
              categories:
                - { id: necessary, label: Necessary, required: true }
                - { id: analytics, label: Analytics }
              scripts:
                - { category: analytics, src: {cookies.scripts[0].src} }
            """;

    /** Refused schemes in disguise: each must fail validation wherever it stands. */
    static final List<String> REFUSED = List.of(
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "JAVASCRIPT:alert(document.cookie)",
            "javascript:alert(1)//https://www.example.com/",
            "javascript://www.example.com/%0Aalert(1)",
            " javascript:alert(1)",
            "\tjavascript:alert(1)",
            "\njavascript:alert(1)",
            "javascript :alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "java\u0000script:alert(1)",
            "\u0000javascript:alert(1)",
            "\u0001javascript:alert(1)",
            "\u000Bjavascript:alert(1)",
            "\u00A0javascript:alert(1)",
            "\u200Bjavascript:alert(1)",
            "\uFEFFjavascript:alert(1)",
            "\u2028javascript:alert(1)",
            "\u3000javascript:alert(1)",
            "java\u200Bscript:alert(1)",
            "\u0130javascript:alert(1)",
            "\uFF4A\uFF41\uFF56\uFF41\uFF53\uFF43\uFF52\uFF49\uFF50\uFF54\uFF1Aalert(1)",
            "%6Aavascript:alert(1)",
            "jav%09ascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "jav&#x0A;ascript:alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;",
            "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
            "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61alert(1)",
            "javascript&#58;alert(1)",
            "javascript&#x3A;alert(1)",
            "javascript&#x3a;alert(1)",
            "javascript&#0000058alert(1)",
            "javascript&colon;alert(1)",
            "javascript&Colon;alert(1)",
            "\\javascript:alert(1)",
            "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
            "javascript:" + "a".repeat(3000),
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "DATA:text/html,<script>alert(1)</script>",
            " data:image/svg+xml,<svg onload=alert(1)>",
            "data&colon;text/html,<script>alert(1)</script>",
            "data&#58;text/html,x",
            "vbscript:msgbox(1)",
            "VBScript:MsgBox(1)",
            "vbscript&#58;msgbox(1)",
            "livescript:alert(1)",
            "mocha:alert(1)",
            "file:///etc/passwd",
            "ftp://example.com/",
            "jar:https://example.com/x.jar!/",
            "blob:https://www.example.com/1234",
            "filesystem:https://www.example.com/temporary/x",
            "view-source:https://www.example.com/",
            "ms-its:mhtml:file://C:/x.mht!https://example.com/x.chm::/x.htm",
            "about:blank",
            "https:alert(1)",
            "http:/\\www.example.com");

    /** Not schemes, whatever they look like: they may load, but render as relative links on the site. */
    static final List<String> LOOK_ALIKES = List.of(
            "javascript%3Aalert(1)",
            "javascript%3aalert(1)",
            "javascript\uFF1Aalert(1)",
            "javascript\uA789alert(1)",
            "./javascript:alert(1)",
            "/javascript:alert(1)",
            "?javascript:alert(1)",
            "#javascript:alert(1)");

    static Stream<String> fields() {
        List<String> fields = new ArrayList<>();
        Matcher m = FIELD.matcher(TEMPLATE);
        while (m.find()) fields.add(m.group(1));
        return fields.stream();
    }

    @Test
    void theTemplateNamesEveryUrlFieldAndIsValidWhenFilledIn() {
        assertEquals(17, fields().count(), "every URL field of the schema");
        Chrome chrome = Fixtures.chrome(fill(null, null));
        assertTrue(chrome.render(Component.HEADER, ChromeRequest.anonymous()).contains("https://www.example.com/ok"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void everyDisguisedSchemeIsRefusedAtTheExactPathLineAndColumn(String field) {
        List<String> failures = new ArrayList<>();
        for (String payload : REFUSED) {
            String yaml = fill(field, payload);
            int at = yaml.indexOf(yamlQuoted(payload));
            int line = (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            int column = at - yaml.lastIndexOf('\n', at);
            try {
                ConfigLoader.parse("hostile.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
                failures.add("accepted " + printable(payload));
            } catch (ConfigException e) {
                String expected = "hostile.yaml:" + line + ":" + column + ": " + field + ": ";
                if (e.problems().size() != 1 || !e.problems().get(0).toString().startsWith(expected)) {
                    failures.add(printable(payload) + ": expected one problem at " + expected + " but got\n" + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theUrlPolicyRefusesEveryDisguisedScheme() {
        for (String payload : REFUSED) assertFalse(UrlPolicy.isAllowed(payload), printable(payload));
    }

    @Test
    void refusalsSayWhichSchemeWhenThereIsOne() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("hostile.yaml",
                fill("header.nav[0].href", "JaVaScRiPt:alert(1)").getBytes(StandardCharsets.UTF_8), Path.of(".")));
        assertTrue(e.getMessage().endsWith("header.nav[0].href: URL scheme 'javascript:' is not allowed; use http, https, mailto, tel or a site-relative URL"),
                e.getMessage());
    }

    @Test
    void lookAlikesThatLoadRenderOnlyAsLinksWithinTheSite() {
        Set<String> safeSchemes = Set.of("http", "https");
        for (String payload : LOOK_ALIKES) {
            Chrome chrome = Fixtures.chrome(fill("header.nav[0].href", payload));
            ChromeRequest request = ChromeRequest.builder().visitor(Visitor.named("Ada")).build();
            String page = "<!doctype html><html><head>" + chrome.forRequest(request).render(Placement.HEAD) + "</head><body>"
                    + chrome.forRequest(request).render(Placement.BODY_START) + chrome.forRequest(request).render(Placement.BODY_END)
                    + "</body></html>";
            Document document = Jsoup.parse(page, "https://www.example.com/legal/page");
            Element link = document.select("a.chrome-nav__link").first();
            assertEquals(payload, link.attr("href"), "rendered as written");
            for (Element element : document.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    if (!Set.of("href", "src", "action", "data-src").contains(attribute.getKey())) continue;
                    URI resolved = URI.create(document.location()).resolve(browserClean(element.absUrl(attribute.getKey()).isEmpty()
                            ? attribute.getValue() : element.absUrl(attribute.getKey())));
                    assertTrue(safeSchemes.contains(resolved.getScheme().toLowerCase(Locale.ROOT)),
                            () -> printable(payload) + " rendered as " + element);
                }
            }
        }
    }

    /** The template with {@code payload} in {@code field} and a good URL everywhere else. */
    private static String fill(String field, String payload) {
        Matcher m = FIELD.matcher(TEMPLATE);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals(field) ? yamlQuoted(payload) : OK));
        m.appendTail(out);
        return out.toString();
    }

    /** A YAML double-quoted scalar holding exactly {@code text}. */
    static String yamlQuoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') out.append('\\').appendCodePoint(c);
            else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) out.append(String.format("\\u%04X", c));
            else out.appendCodePoint(c);
        });
        return out.append('"').toString();
    }

    private static String browserClean(String url) {
        return url.replaceAll("[\\t\\n\\r]", "").replace(" ", "%20").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E")
                .replace("\uFF1A", "%EF%BC%9A").replace("\uA789", "%EA%9E%89");
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c > 0x7E) out.append(String.format("\\u%04X", c));
            else out.appendCodePoint(c);
        });
        return out.toString();
    }
}
