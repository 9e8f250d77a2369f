package io.sitechrome.servlet;

import static io.sitechrome.servlet.HostileSite.encoded;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Attacks on the chrome's endpoints over raw HTTP: open redirects through every {@code return},
 * CR/LF injection into headers and cookies, cross-site consent and dismissal, oversized cookies and
 * headers, unknown locales, banners and components, wrong methods, path traversal in asset names
 * and absurd query strings. (The one 5xx allowed is the container's own 501 to CONNECT, which
 * Tomcat sends before any filter runs.) Every answer must be safe: a same-site redirect (a Location that starts
 * with {@code /} but not {@code //} or {@code /\}) or a 4xx; never a 5xx, never a Set-Cookie or
 * Location holding a line break, never a header the attacker wrote.
 *
 * <p>Runs on Jetty; {@link TomcatEndpointAttackTest} runs it on Tomcat.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAttackTest {

    /** {@code return} values that try to leave the site or break the redirect. */
    static final List<String> FOREIGN_RETURNS = List.of(
            "//evil.example", "///evil.example", "////evil.example/", "/\\evil.example", "\\/evil.example", "/\\/evil.example",
            "\\\\evil.example", "https://evil.example", "HTTPS://evil.example", "http:evil.example", "https:/evil.example",
            "//evil.example/%2e%2e", "/%2F%2Fevil.example", "/%2f%2fevil.example", "%2F%2Fevil.example", "/%252F%252Fevil.example",
            "/%25252F%25252Fevil.example", "/%5Cevil.example", "/%5cevil.example", "/%5C%5Cevil.example", "/\t/evil.example",
            "/%09/evil.example", "/\n/evil.example", "/%0A/evil.example", "/ /evil.example", "/%20/evil.example",
            " //evil.example", "\t//evil.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "//evil%E3%80%82example", "/\u3002evil.example", "//evil\u3002example", "/\uFF0F/evil.example",
            "/%EF%BC%8F/evil.example", "//\uFF0Fevil.example", "/%E2%80%AE/evil", "/\u202E//evil.example", "@evil.example",
            "//@evil.example", "//user:pass@evil.example", "/.//evil.example", "/..//evil.example", "/%2e%2e//evil.example",
            "evil.example", "?//evil.example", "#//evil.example", "", "%", "%zz", "%E0%A4%A", "/%ff%fe", "/" + "a".repeat(5000),
            "/a\u0000b", "/%00", "/\u0085//evil.example", "/%C2%85//evil.example", "/\u012Fevil.example", "/\u015Cevil.example",
            "/%C4%AF%C4%AFevil.example", "/\u022F\u012F\u0A2Fevil.example", "/caf\u00e9/\u65e5\u672c");

    /** {@code return} values that try to add a header or a cookie to the response. */
    static final List<String> INJECTIONS = List.of(
            "/%0d%0aSet-Cookie:%20injected=1", "/foo%0d%0aX-Injected:%20yes", "/%0d%0a%0d%0a<script>alert(1)</script>",
            "%0d%0aX-Injected:%20yes", "/%0aX-Injected:%20yes", "/%0dX-Injected:%20yes", "/%C4%8D%C4%8AX-Injected:yes",
            "/%E5%98%8A%E5%98%8DX-Injected:yes", "/%E5%98%8A%E5%98%8DSet-Cookie:injected=1", "/%250d%250aX-Injected:%20yes",
            "/%u000dX-Injected:yes", "/\\r\\nX-Injected:yes", "/%E2%80%A8X-Injected:yes");

    private EmbeddedContainer container;
    private URI base;
    private RawHttp http;
    private String assetName;

    EmbeddedContainer newContainer() {
        return EmbeddedContainer.jetty();
    }

    @BeforeAll
    void start() throws Exception {
        container = newContainer();
        base = container.start(HostileSite.app());
        http = new RawHttp(base);
        assetName = HostileSite.chrome().stylesheet().name();
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }

    private URI base() {
        return base;
    }

    @Test
    void everyReturnStaysOnTheSiteAndInjectsNothing() throws IOException {
        List<String> failures = new ArrayList<>();
        int redirects = 0;
        for (String value : concat(FOREIGN_RETURNS, INJECTIONS)) {
            for (String form : List.of(encoded(value), raw(value))) {
                List<RawHttp.Response> responses = List.of(
                        http.get("/chrome/locale/de?return=" + form),
                        http.post("/chrome/consent", "choice=reject-all&return=" + form, "Origin", http.origin()),
                        http.post("/chrome/consent", "choice=customize&return=" + form, "Origin", http.origin()),
                        http.post("/chrome/banners/notice/dismiss", "return=" + form, "Origin", http.origin()),
                        http.get("/chrome/locale/en?return=" + form + "&return=/second"));
                for (RawHttp.Response response : responses) {
                    String problem = unsafe(response);
                    if (problem == null && response.status() == 303) {
                        redirects++;
                        URI target = base().resolve(response.header("Location").replace('\\', '/'));
                        if (!target.getHost().equals(base().getHost()) || target.getPort() != base().getPort()) problem = "leads to " + target;
                    } else if (problem == null && (response.status() < 400 || response.status() >= 500)) {
                        problem = "expected a redirect or a 4xx";
                    }
                    if (problem != null) failures.add(printable(value) + " -> " + problem + ": " + response);
                }
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " unsafe answers");
        assertTrue(redirects > 500, "only " + redirects + " requests reached the redirect");
    }

    @Test
    void localeTagsWithLineBreaksOrJunkAreRefused() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String tag : List.of("de%0d%0aX-Injected:%20yes", "de%0aSet-Cookie:%20injected=1", "de%0D%0A%0D%0A<html>", "xx", "",
                "de-DE-x-" + "a".repeat(40), "de;x=1", "de%00", "de%2F..%2F..", "..", "%2e%2e", "de%20", "%C4%8D%C4%8A", "de\u0000",
                "de/extra", "DE", "ar", "en-US", "x-" + "a".repeat(5000))) {
            RawHttp.Response response = http.get("/chrome/locale/" + tag + "?return=/back");
            String problem = unsafe(response);
            boolean known = Set.of("DE", "ar").contains(tag);
            if (problem == null && known && response.status() != 303) problem = "a site locale must switch";
            if (problem == null && !known && response.status() != 400 && response.status() != 404 && response.status() != -1
                    && response.status() != 414 && response.status() != 431) {
                problem = "an unknown tag must be refused";
            }
            if (problem == null && !known && !response.headers("Set-Cookie").isEmpty()) problem = "a refused tag set a cookie";
            if (problem != null) failures.add(printable(tag) + " -> " + problem + ": " + response);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void crossSiteConsentAndDismissalAreRefusedWithoutCookies() throws IOException {
        String own = http.origin();
        List<String[]> crossSite = List.of(
                new String[] {"Origin", "https://evil.example"},
                new String[] {"Origin", "null"},
                new String[] {"Origin", own + ".evil.example"},
                new String[] {"Origin", own.replace("localhost", "127.0.0.1")},
                new String[] {"Origin", own.substring(0, own.lastIndexOf(':')) + ":1"},
                new String[] {"Origin", own.replace("http:", "https:")},
                new String[] {"Origin", "http://evil.example", "Sec-Fetch-Site", "same-site"},
                new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Sec-Fetch-Site", "CROSS-SITE"},
                new String[] {"Sec-Fetch-Site", "cross-site", "Origin", own},
                new String[] {"Sec-Fetch-Site", "something-else"});
        List<String> failures = new ArrayList<>();
        for (String[] headers : crossSite) {
            for (RawHttp.Response response : List.of(
                    http.post("/chrome/consent", "choice=accept-all&return=/", headers),
                    http.post("/chrome/consent", "choice=custom&category=analytics&category=advertising", headers),
                    http.post("/chrome/banners/notice/dismiss", "return=/", headers))) {
                String problem = unsafe(response);
                if (problem == null && response.status() != 403) problem = "expected 403";
                if (problem == null && !response.headers("Set-Cookie").isEmpty()) problem = "a refused request set " + response.headers("Set-Cookie");
                if (problem != null) failures.add(String.join(": ", headers) + " -> " + problem + ": " + response);
            }
        }
        RawHttp.Response sameSite = http.post("/chrome/consent", "choice=accept-all&return=/", "Origin", own, "Sec-Fetch-Site", "same-origin");
        assertEquals(303, sameSite.status(), "a same-origin consent is recorded: " + sameSite);
        assertEquals(List.of(), failures);
    }

    @Test
    void hostileCookieNamesAndValuesNeverBreakConsentOrItsCookieClearing() throws IOException {
        List<String> cookies = List.of(
                "_clck=1; _cl{x}=2; _cl\"y=3; _cl/z=4; _cl@=5; _cl(a)=6; _cl[b]=7; _cl,c=8; _cl?=9; _cl\\d=10",
                "_cl\u00e9=1; _cl\u0080=2; ads\u2028=3; ads\uFEFF=4", "$Version=1; _cl=1; $Path=/", "_cl=; ads=; =bare; ;;; =",
                "_cl=\"quoted; value\"; ads=\"unterminated", "_cl" + "x".repeat(5000) + "=1",
                "chrome_consent=1.1.1.AAAAAAAAAAAAAAAAAAAAAA..x; chrome_consent=" + "a".repeat(5000),
                "chrome_dismissed=" + "notice.".repeat(2000), "ads%0d%0aX-Injected:%20yes=1", "_cl=\u0000x");
        List<String> failures = new ArrayList<>();
        for (String cookie : cookies) {
            for (String choice : List.of("reject-all", "accept-all", "custom&category=analytics&category=" + encoded("\"><script>"))) {
                RawHttp.Response response = http.post("/chrome/consent", "choice=" + choice + "&return=/", "Origin", http.origin(), "Cookie", cookie);
                String problem = unsafe(response);
                if (problem == null && response.status() != 303 && response.status() != 400 && response.status() != 431) problem = "expected a redirect";
                if (problem != null) failures.add(printable(cookie) + " / " + choice + " -> " + problem + ": " + response);
            }
            RawHttp.Response dismissal = http.post("/chrome/banners/notice/dismiss", "return=/", "Origin", http.origin(), "Cookie", cookie);
            String problem = unsafe(dismissal);
            if (problem != null) failures.add(printable(cookie) + " / dismiss -> " + problem + ": " + dismissal);
            RawHttp.Response page = http.get("/page", "Cookie", cookie);
            if (unsafe(page) != null || (page.status() != 200 && page.status() != 400 && page.status() != 431)) {
                failures.add(printable(cookie) + " / page -> " + page);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void oversizedCookiesAndHeadersGetAFourHundredAtWorst() throws IOException {
        List<String[]> requests = List.of(
                new String[] {"Cookie", "chrome_consent=" + "a".repeat(20_000)},
                new String[] {"Cookie", "a=" + "b".repeat(100_000)},
                new String[] {"Cookie", "x=1; ".repeat(5_000)},
                new String[] {"Accept-Language", "en;q=0.5, ".repeat(5_000)},
                new String[] {"Accept-Language", "de-" + "x".repeat(60_000)},
                new String[] {"Sec-GPC", "1".repeat(20_000)},
                new String[] {HostileSite.COUNTRY_HEADER, "U".repeat(30_000)},
                new String[] {"X-Big", "y".repeat(1_000_000)},
                new String[] {"Origin", http.origin() + "/" + "o".repeat(50_000)},
                manyHeaders(2_000));
        List<String> failures = new ArrayList<>();
        for (String[] headers : requests) {
            for (String target : List.of("/page", "/chrome/locale/de?return=/", "/chrome/fragments/footer", "/chrome/assets/" + assetName)) {
                RawHttp.Response response = http.get(target, headers);
                String problem = unsafe(response);
                if (problem != null) failures.add(headers[0] + " (" + headers[1].length() + ") on " + target + " -> " + problem + ": " + response);
            }
            RawHttp.Response consent = http.post("/chrome/consent", "choice=accept-all&return=/", concat(headers, "Origin", http.origin()));
            String problem = unsafe(consent);
            if (problem != null) failures.add(headers[0] + " on consent -> " + problem + ": " + consent);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void unknownLocalesBannersComponentsAndEndpointsAreFourOhFourOrFourHundred() throws IOException {
        List<String> failures = new ArrayList<>();
        List<String[]> requests = List.of(
                new String[] {"GET", "/chrome/locale/xx", "400"}, new String[] {"GET", "/chrome/locale/", "400"},
                new String[] {"GET", "/chrome/locale//", "400"}, new String[] {"POST", "/chrome/banners/nope/dismiss", "404"},
                new String[] {"POST", "/chrome/banners//dismiss", "404"}, new String[] {"POST", "/chrome/banners/fixed/dismiss", "400"},
                new String[] {"POST", "/chrome/banners/NOTICE/dismiss", "404"}, new String[] {"POST", "/chrome/banners/notice/dismiss/x", "404"},
                new String[] {"POST", "/chrome/banners/" + "a".repeat(100) + "/dismiss", "404"}, new String[] {"POST", "/chrome/banners/dismiss", "404"},
                new String[] {"GET", "/chrome/fragments/nope", "404"}, new String[] {"GET", "/chrome/fragments/", "404"},
                new String[] {"GET", "/chrome/fragments/HEADER", "404"}, new String[] {"GET", "/chrome/nope", "404"},
                new String[] {"GET", "/chrome/", "404"}, new String[] {"GET", "/chrome/assets/", "404"},
                new String[] {"GET", "/chrome/assets/chrome.css", "404"}, new String[] {"GET", "/chrome/assets/chrome.0000000000.css", "404"},
                new String[] {"POST", "/chrome/consent?choice=maybe", "400"});
        for (String[] request : requests) {
            RawHttp.Response response = request[0].equals("GET") ? http.get(request[1])
                    : http.post(request[1], "", "Origin", http.origin());
            String problem = unsafe(response);
            if (problem == null && response.status() != Integer.parseInt(request[2]) && response.status() != 400) {
                problem = "expected " + request[2];
            }
            if (problem != null) failures.add(request[0] + " " + request[1] + " -> " + problem + ": " + response);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void wrongMethodsAreRefused() throws IOException {
        List<String> failures = new ArrayList<>();
        List<String> endpoints = List.of("/chrome/consent", "/chrome/banners/notice/dismiss", "/chrome/locale/de", "/chrome/fragments/header",
                "/chrome/assets/" + assetName);
        for (String endpoint : endpoints) {
            boolean post = endpoint.startsWith("/chrome/consent") || endpoint.contains("/dismiss");
            for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "CONNECT", "FOO", "get")) {
                boolean allowed = post ? method.equals("POST") : method.equals("GET") || method.equals("HEAD");
                if (allowed) continue;
                RawHttp.Response response = http.send(method, endpoint, method.equals("HEAD") || method.equals("GET") ? null : new byte[0],
                        "Origin", http.origin());
                if (method.equals("CONNECT") && (response.status() == 501 || response.status() == -1)) continue;
                String problem = unsafe(response);
                if (problem == null && (response.status() < 400 || response.status() >= 500)) {
                    problem = "expected a 4xx";
                }
                if (problem == null && !response.headers("Set-Cookie").isEmpty()) problem = "a refused method set a cookie";
                if (problem != null) failures.add(method + " " + endpoint + " -> " + problem + ": " + response);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void assetNamesCannotTraverseOutOfTheAssets() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String name : List.of("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "%252e%252e%252fetc%252fpasswd", "..%5C..%5Cetc%5Cpasswd", "..\\..\\etc\\passwd", "....//....//etc/passwd",
                "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "..%c0%af..%c0%afetc%c0%afpasswd", "%uff0e%uff0e/etc/passwd",
                "/etc/passwd", "//etc/passwd", "file:///etc/passwd", assetName + "%00.js", assetName + "/../../../etc/passwd",
                assetName + ";.js", assetName + "?../../etc/passwd", "../../WEB-INF/web.xml", "..;/..;/etc/passwd",
                "%2e%2e;/etc/passwd", "chrome.js/..%2f..%2f..%2fetc/passwd")) {
            for (String prefix : List.of("/chrome/assets/", "/chrome/fragments/", "/chrome/")) {
                RawHttp.Response response = http.get(prefix + name);
                String problem = unsafe(response);
                String body = new String(response.body(), ISO_8859_1);
                if (problem == null && body.contains("root:x:0:0")) problem = "served /etc/passwd";
                if (problem == null && response.status() == 200 && !(prefix.equals("/chrome/assets/") && name.startsWith(assetName + "?"))
                        && !response.isHtml()) {
                    problem = "served something";
                }
                if (problem != null) failures.add(prefix + name + " -> " + problem + ": " + response);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void absurdQueryStringsNeverBreakAnything() throws IOException {
        StringBuilder manyKeys = new StringBuilder("choice=accept-all&return=/a");
        for (int i = 0; i < 20_000; i++) manyKeys.append("&k").append(i).append('=').append(i);
        StringBuilder manyShortKeys = new StringBuilder("choice=accept-all&return=/a");
        for (int i = 0; i < 36 * 36; i++) manyShortKeys.append('&').append(Integer.toString(i, 36)).append('=');
        List<String> queries = List.of(manyKeys.toString(), manyShortKeys.toString(), "return=/a" + "&return=//evil".repeat(5_000), "a=" + "b".repeat(200_000),
                "%", "%%%%", "%zz=%zz", "return=%E0%A4%A", "return=%ff%fe", "&&&&&===&&", "=", "return", "return=",
                "locale=" + "de-".repeat(3_000), "path=" + "/x".repeat(5_000) + "&locale=ar", "return[]=x&return[]=y",
                "return=/a%00b", "q=%F0%9F%98%80%F0%9F", "a=1;b=2;return=//evil", "return=/a#b?c=d", "\u00e9=\u00e9");
        List<String> targets = List.of("/page?", "/chrome/locale/de?", "/chrome/fragments/header?", "/chrome/fragments/footer?",
                "/chrome/assets/" + assetName + "?");
        List<String> failures = new ArrayList<>();
        for (String query : queries) {
            for (String target : targets) {
                RawHttp.Response response = http.get(target + query);
                String problem = unsafe(response);
                if (problem != null) failures.add(target + printable(query) + " -> " + problem + ": " + response);
            }
            for (String endpoint : List.of("/chrome/consent?", "/chrome/banners/notice/dismiss?")) {
                RawHttp.Response response = http.post(endpoint + query, query, "Origin", http.origin());
                String problem = unsafe(response);
                if (problem != null) failures.add("POST " + endpoint + printable(query) + " -> " + problem + ": " + response);
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Why {@code response} is not a safe answer, or null: a 5xx, an off-site redirect, a split or injected header. */
    static String unsafe(RawHttp.Response response) {
        if (response.status() >= 500) return "a " + response.status();
        String head = new String(response.head(), ISO_8859_1);
        for (String line : head.split("\r\n", -1)) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) return "a header line holds a bare CR or LF";
        }
        for (RawHttp.Header header : response.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (name.equals("x-injected") || (header.value() != null && name.equals("set-cookie") && header.value().startsWith("injected"))) {
                return "an injected header: " + header;
            }
            if (header.value() == null && !header.name().isEmpty()) return "a header line without a colon: " + header.name();
        }
        if (response.status() >= 300 && response.status() < 400) {
            String location = response.header("Location");
            if (location == null) return "a redirect without a Location";
            if (!sameSite(location)) return "an off-site Location " + location;
        }
        return null;
    }

    /** Whether a browser following {@code location} stays on this site: a path starting with one slash. */
    static boolean sameSite(String location) {
        String cleaned = location.replaceAll("[\\t\\n\\r]", "").replace('\\', '/');
        if (!location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\")) return false;
        return !cleaned.startsWith("//") && location.chars().noneMatch(c -> c <= 0x20 || c == 0x7F);
    }

    /** The value as it would be typed into a URL: only spaces and the bytes no request line can hold are encoded. */
    private static String raw(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || c == '#' || c == '&' || c == '+') out.append(String.format("%%%02X", c));
            else out.append((char) c);
        }
        return out.toString();
    }

    private static String[] manyHeaders(int count) {
        String[] headers = new String[2 * count];
        for (int i = 0; i < count; i++) {
            headers[2 * i] = "X-Header-" + i;
            headers[2 * i + 1] = "v" + i;
        }
        return headers;
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(80).forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : Character.toString(c)));
        return text.length() > 80 ? out + "...(" + text.length() + ")" : out.toString();
    }
}
