package io.sitechrome.servlet;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.LiveChrome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The site the attack tests run: every component of the chrome switched on (three locales, a
 * signed-in account menu with chat, targeted and dismissible banners, cookie consent with
 * categories whose cookies are cleared by name and by pattern, gated scripts), behind the real
 * {@link ChromeFilter}; one application servlet answers every path with the same page. The test
 * plays the application's part through the request body: lines of {@code NAME=HEX} that the
 * servlet puts into request attributes, so any string, however hostile or long, reaches the chrome.
 * Plus the payload corpus and the checks every rendered page must pass.
 */
final class HostileSite {

    static final String COUNTRY_HEADER = "CF-IPCountry";

    static final String CONFIG = """
            site:
              name: Hostile
              url: https://www.hostile.example/
              locales:
                - { tag: en, name: English }
                - { tag: de, name: Deutsch }
                - { tag: ar, name: عربي }
            brand:
              logo: { src: /logo.png, alt: Hostile, width: 100, height: 20 }
              name: { text: Hostile, href: / }
            header:
              nav:
                - { label: Products, href: /products }
                - label: More
                  items:
                    - { label: Help, href: /help }
              actions: [ { label: Start, href: /start } ]
              chat: { label: Chat, href: /chat }
            account:
              signIn: { label: Sign in, href: "/sign-in?return={returnUrl}" }
              signUp: { label: Sign up, href: /sign-up }
              menu:
                - { label: Profile, href: /profile }
            banners:
              - { id: us-only, severity: info, title: US notice, text: Only in the US., countries: [US] }
              - { id: notice, severity: warning, title: Maintenance, text: Tonight., dismissible: true, link: { label: More, href: /status } }
              - { id: fixed, severity: critical, title: Always, text: Not dismissible. }
            footer:
              columns:
                - heading: Company
                  links: [ { label: About, href: /about }, { label: Mail, href: "mailto:info@hostile.example" } ]
              links:
                - { label: Privacy, href: /privacy }
                - { label: Your Privacy Choices, href: /choices, icon: privacy-choices, countries: [US] }
                - { label: Manage cookies, action: manage-cookies }
              social: [ { network: github, label: GitHub, href: "https://github.com/hostile" } ]
              copyright: "© Hostile {year}"
            cookies:
              policyUrl: /cookies
              saleOrSharing: [advertising]
              categories:
                - { id: necessary, label: Necessary, required: true }
                - id: analytics
                  label: Analytics
                  services:
                    - { id: clarity, label: Clarity, cookies: [ { name: _clck, path: / }, { pattern: "^_cl.*" } ] }
                - id: advertising
                  label: Advertising
                  services:
                    - { id: ads, label: Ads, cookies: [ { pattern: "^ads" } ] }
              scripts:
                - { category: analytics, src: "https://cdn.hostile.example/analytics.js" }
            """;

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Page</title></head>
            <body>
            <main id="main"><h1 id="app-heading">Application page</h1><p>Grüße — مرحبا</p></main>
            </body>
            </html>
            """;

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data-src", "srcset",
            "xlink:href", "poster", "background", "cite", "longdesc", "data", "codebase", "manifest", "ping");

    private HostileSite() {
    }

    static Chrome chrome() {
        try {
            return Chrome.of(ConfigLoader.parse("hostile.yaml", CONFIG.getBytes(UTF_8), Path.of(".")));
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    static EmbeddedContainer.WebApp app() {
        ChromeFilter filter = new ChromeFilter(LiveChrome.fixed(chrome()), ChromeSettings.builder().countryHeader(COUNTRY_HEADER).build());
        return new EmbeddedContainer.WebApp()
                .filter("site-chrome", filter, "/*")
                .servlet("app", TestServlets.any(HostileSite::page), "/");
    }

    private static void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader(APP_REQUEST) != null) {
            for (String line : new String(request.getInputStream().readAllBytes(), UTF_8).split("\n")) {
                int equals = line.indexOf('=');
                if (equals < 0) continue;
                String hex = line.substring(equals + 1);
                char[] value = new char[hex.length() / 4];
                for (int i = 0; i < value.length; i++) value[i] = (char) Integer.parseInt(hex.substring(4 * i, 4 * i + 4), 16);
                request.setAttribute(switch (line.substring(0, equals)) {
                    case "Name" -> ChromeAttributes.VISITOR_NAME;
                    case "Unread" -> ChromeAttributes.UNREAD_COUNT;
                    case "Avatar" -> ChromeAttributes.AVATAR_URL;
                    case "Nonce" -> ChromeAttributes.NONCE;
                    default -> ChromeAttributes.LOCALE;
                }, new String(value));
            }
        }
        response.setContentType("text/html; charset=UTF-8");
        response.getWriter().write(PAGE);
    }

    /** The request header that says the body holds application attributes. */
    static final String APP_REQUEST = "X-App-Attributes";

    /**
     * A line of the body of an application request: the application sets {@code attribute} to
     * {@code value}, sent as UTF-16 code units in hex so that even unpaired surrogates arrive.
     */
    static String app(String attribute, String value) {
        StringBuilder line = new StringBuilder(attribute).append('=');
        value.chars().forEach(c -> line.append(String.format("%04x", c)));
        return line.append('\n').toString();
    }

    /** Every character outside the URL's unreserved set percent-encoded (UTF-8), so any text fits in a request line. */
    static String encoded(String text) {
        return URLEncoder.encode(text, UTF_8).replace("+", "%20").replace("*", "%2A");
    }

    /**
     * The OWASP XSS filter evasion cheat sheet and friends: tags, attribute break-outs,
     * {@code javascript:} and {@code data:} URLs in odd encodings, entities, template and format
     * syntax, Unicode tricks, the renderer's own private-use slot markers, control characters,
     * header injection, and very long strings.
     */
    static List<String> payloads() {
        List<String> payloads = new ArrayList<>(List.of(
                "Ada Lovelace",
                "<script>alert(1)</script>",
                "\"><script>alert(1)</script>",
                "'><script>alert(1)</script>",
                "</title><script>alert(1)</script>",
                "</textarea><script>alert(1)</script>",
                "</span></button><img src=x onerror=alert(1)>",
                "<img src=x onerror=alert(1)>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<IMG SRC=JaVaScRiPt:alert('XSS')>",
                "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
                "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
                "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
                "<IMG SRC=# onmouseover=\"alert('xxs')\">",
                "<img src=x:alert(alt) onerror=eval(src) alt=xss>",
                "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
                "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097>",
                "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
                "<IMG SRC=\"jav\tascript:alert('XSS');\">",
                "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
                "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
                "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
                "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
                "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
                "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
                "<SCRIPT SRC=//xss.rocks/.j>",
                "<iframe src=http://xss.rocks/scriptlet.html <",
                "\\\";alert('XSS');//",
                "</script><script>alert('XSS');</script>",
                "<svg/onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
                "data:text/html,<script>alert(1)</script>",
                "javascript:alert(1)",
                " javascript:alert(1)",
                "JaVaScRiPt&colon;alert(1)",
                "vbscript:msgbox(1)",
                "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
                "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
                "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
                "<BASE HREF=\"javascript:alert('XSS');//\">",
                "<form action=\"javascript:alert(1)\"><button formaction=javascript:alert(1)>x</button></form>",
                "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
                "<![CDATA[<script>alert(1)</script>]]>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "&#60;script&#62;alert(1)&#60;/script&#62;",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "%253Cscript%253Ealert(1)",
                "\\u003cscript\\u003ealert(1)",
                "\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E",
                "{{#x}}{{{y}}}{returnUrl}{locale}{year}{name}{count}",
                "{count, plural, one{#} other{#}} {0} ${7*7} #{7*7} <%= 7*7 %>",
                "\uE000\uE100",
                "\uE000\uE104\uE000\uE107",
                "a\uE000\uE0FFb\uE000",
                "\uE000\uE100\uE000\uE101\uE000\uE102\uE000\uE103\uE000\uE104\uE000\uE105\uE000\uE106\uE000\uE107\uE1FF",
                "\u202Eevil\u202C \u200B\u200C\u200D\uFEFF",
                "Z\u0334\u0327\u031B\u032B\u0347a\u0337l\u0338g\u0335o",
                "👩‍👩‍👧 𝕏 😀",
                "\uD800 lone \uDFFF surrogates",
                "\uFFFE\uFFFF\uFDD0",
                "nul\u0000 c1\u0085 ls\u2028 ps\u2029 del\u007F",
                "\r\nSet-Cookie: injected=1",
                "/%0d%0aX-Injected:%20yes",
                "a=b; chrome_consent=x; Path=/; Domain=evil.example",
                "../../etc/passwd",
                "//evil.example/",
                "/\\evil.example",
                "\uFF2A\uFF41\uFF56\uFF41\uFF33\uFF43\uFF52\uFF49\uFF50\uFF54\uFF1A",
                "\u017Fcript \u0131",
                "en",
                "US",
                "1",
                "-1",
                "99999999999999999999",
                "abcdefgh12345678",
                "abcdefgh\" onload=\"alert(1)",
                "abcdefgh12345678<"));
        payloads.add("A".repeat(10_000));
        payloads.add("<script>" + "x".repeat(200_000) + "</script>");
        return payloads;
    }

    /** The (tag, attribute) pairs of a page, a tag alone as (tag, ""). */
    static Set<String> pairs(Document document) {
        Set<String> pairs = new java.util.TreeSet<>();
        for (Element element : document.getAllElements()) {
            pairs.add(element.tagName() + " ");
            for (Attribute attribute : element.attributes()) pairs.add(element.tagName() + " " + attribute.getKey());
        }
        return pairs;
    }

    /** Why {@code document} could run or load something it should not, or null. */
    static String unsafe(Document document) {
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) return "event handler " + element.tagName() + " " + name;
                if (name.equals("style")) return "inline style on " + element.tagName();
                if (URL_ATTRIBUTES.contains(name) && !safeUrl(attribute.getValue())) {
                    return "unsafe URL in " + element.tagName() + " " + name + ": " + attribute.getValue();
                }
            }
            if (element.tagName().equals("script") && !element.data().isEmpty()) return "inline script: " + element.data();
            if (element.tagName().equals("meta") && element.hasAttr("http-equiv")) return "meta http-equiv";
            if (element.tagName().equals("base")) return "base element";
        }
        return null;
    }

    /** Whether a browser would load {@code url} as http(s), mailto, tel or relative to the page. */
    static boolean safeUrl(String url) {
        String cleaned = url.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$", "");
        java.util.regex.Matcher scheme = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):").matcher(cleaned);
        if (!scheme.find()) return true;
        return Set.of("http", "https", "mailto", "tel").contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }
}
