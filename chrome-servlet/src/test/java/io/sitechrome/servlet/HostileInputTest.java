package io.sitechrome.servlet;

import static io.sitechrome.servlet.HostileSite.app;
import static io.sitechrome.servlet.HostileSite.encoded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.config.UrlPolicy;
import io.sitechrome.render.Visitor;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every payload of {@link HostileSite#payloads()} in every input a request has, through real HTTP
 * to the real filter: application attributes (visitor name, unread count, avatar, nonce, locale),
 * the locale, consent and dismissal cookies and the Cookie header itself, Accept-Language, Sec-GPC,
 * the country header, the page's query and path, the {@code return} of the locale and consent
 * endpoints (following their redirect), the locale endpoint's tag and the fragment endpoint's
 * parameters. No response is a 5xx; every page keeps the application's content, gains no element,
 * attribute or URL scheme that a clean page lacks (compared with clean pages of every variant),
 * runs no handler, and shows the visitor's name and return path as the text they are.
 *
 * <p>Runs on Jetty; {@link TomcatHostileInputTest} runs it on Tomcat.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    enum Input {
        VISITOR_NAME, UNREAD_COUNT, AVATAR_URL, NONCE, APP_LOCALE, LOCALE_COOKIE, CONSENT_COOKIE, DISMISSED_COOKIE,
        COOKIE_HEADER, ACCEPT_LANGUAGE, SEC_GPC, COUNTRY_HEADER, QUERY, PATH, LOCALE_RETURN, CONSENT_RETURN, LOCALE_TAG,
        FRAGMENT_PARAMETERS
    }

    private static final Set<Input> THROUGH_ATTRIBUTES = Set.of(Input.VISITOR_NAME, Input.UNREAD_COUNT, Input.AVATAR_URL,
            Input.NONCE, Input.APP_LOCALE);

    private EmbeddedContainer container;
    private RawHttp http;
    private String consentCookie;
    private final Set<String> cleanPairs = new TreeSet<>();
    private final Map<String, Integer> cleanCounts = new HashMap<>();

    EmbeddedContainer newContainer() {
        return EmbeddedContainer.jetty();
    }

    @BeforeAll
    void start() throws Exception {
        container = newContainer();
        URI base = container.start(HostileSite.app());
        http = new RawHttp(base);
        RawHttp.Response consent = http.post("/chrome/consent", "choice=accept-all&return=/", "Origin", http.origin());
        assertEquals(303, consent.status(), consent.toString());
        consentCookie = consent.headers("Set-Cookie").stream().filter(c -> c.startsWith("chrome_consent=")).findFirst().orElseThrow()
                .split(";")[0];
        learnCleanPages();
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }

    @Test
    void theCorpusHasAtLeastFiftyPayloads() {
        assertTrue(HostileSite.payloads().size() >= 50, "payloads: " + HostileSite.payloads().size());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Input.class)
    void hostileValuesInThisInputNeverBreakAPageNorInjectMarkup(Input input) throws IOException {
        List<String> payloads = HostileSite.payloads();
        List<String> failures = new ArrayList<>();
        int pages = 0;
        for (String payload : payloads) {
            String label = label(payload);
            RawHttp.Response response;
            try {
                response = send(input, payload, failures, label);
            } catch (IOException e) {
                failures.add(label + ": " + e);
                continue;
            }
            if (response == null) continue;
            if (response.status() >= 500) {
                failures.add(label + ": " + response.status());
            } else if (response.isHtml()) {
                String problem = input == Input.FRAGMENT_PARAMETERS ? checkFragment(response) : checkPage(input, payload, response);
                if (problem != null) failures.add(label + ": " + problem);
                pages++;
            } else if (!acceptableRefusal(input, payload, response)) {
                failures.add(label + ": unexpected " + response);
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + payloads.size() + " payloads");
        int expectedPages = switch (input) {
            case LOCALE_TAG -> 1;
            case PATH -> payloads.size() / 3;
            default -> THROUGH_ATTRIBUTES.contains(input) ? payloads.size() : payloads.size() * 3 / 4;
        };
        assertTrue(pages >= expectedPages, "only " + pages + " of " + payloads.size() + " payloads gave a page to check");
    }

    /** Sends {@code payload} in {@code input}; for endpoints that redirect, checks the redirect and follows it. */
    private RawHttp.Response send(Input input, String payload, List<String> failures, String label) throws IOException {
        return switch (input) {
            case VISITOR_NAME -> application(app("Name", payload));
            case UNREAD_COUNT -> application(app("Name", "Ada") + app("Unread", payload));
            case AVATAR_URL -> application(app("Name", "Ada") + app("Avatar", payload));
            case NONCE -> application(app("Nonce", payload));
            case APP_LOCALE -> application(app("Locale", payload));
            case LOCALE_COOKIE -> http.get("/page", "Cookie", "chrome_locale=" + payload);
            case CONSENT_COOKIE -> http.get("/page", "Cookie", "chrome_consent=" + payload);
            case DISMISSED_COOKIE -> http.get("/page", "Cookie", "chrome_dismissed=" + payload);
            case COOKIE_HEADER -> http.get("/page", "Cookie", payload);
            case ACCEPT_LANGUAGE -> http.get("/page", "Accept-Language", payload);
            case SEC_GPC -> http.get("/page", "Sec-GPC", payload);
            case COUNTRY_HEADER -> http.get("/page", HostileSite.COUNTRY_HEADER, payload);
            case QUERY -> http.get("/page?q=" + encoded(payload) + "&" + encoded(payload));
            case PATH -> http.get("/page/" + encoded(payload) + "/end");
            case LOCALE_RETURN -> follow(http.get("/chrome/locale/de?return=" + encoded(payload)), failures, label);
            case CONSENT_RETURN -> follow(http.post("/chrome/consent", "choice=custom&category=analytics&return=" + encoded(payload),
                    "Origin", http.origin()), failures, label);
            case LOCALE_TAG -> {
                RawHttp.Response response = http.get("/chrome/locale/" + encoded(payload) + "?return=/back");
                yield response.status() == 303 ? follow(response, failures, label) : response;
            }
            case FRAGMENT_PARAMETERS -> http.get("/chrome/fragments/header?locale=" + encoded(payload) + "&path=" + encoded(payload));
        };
    }

    /** The page, with the application setting request attributes as {@code attributes} say (see {@link HostileSite#app}). */
    private RawHttp.Response application(String attributes, String... headers) throws IOException {
        return http.send("POST", "/page", attributes.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                concat(new String[] {HostileSite.APP_REQUEST, "1"}, headers));
    }

    /** Checks a redirect from an endpoint and fetches where it leads, as a browser would, with the cookies it set. */
    private RawHttp.Response follow(RawHttp.Response redirect, List<String> failures, String label) throws IOException {
        if (redirect.status() != 303) {
            if (redirect.status() >= 500 || redirect.status() < 400) failures.add(label + ": expected a redirect, got " + redirect);
            return null;
        }
        String location = redirect.header("Location");
        if (location == null || !location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\")
                || location.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            failures.add(label + ": unsafe Location " + location);
            return null;
        }
        List<String> cookies = redirect.headers("Set-Cookie").stream().map(c -> c.split(";")[0]).toList();
        return cookies.isEmpty() ? http.get(location) : http.get(location, "Cookie", String.join("; ", cookies));
    }

    private String checkPage(Input input, String payload, RawHttp.Response response) {
        Document document = Jsoup.parse(response.text(), "http://localhost/");
        Elements heading = document.select("#app-heading");
        if (heading.size() != 1 || !heading.text().equals("Application page")) return "the application's page is damaged";
        Elements headers = document.select("header.chrome-header");
        Elements footers = document.select("footer.chrome-footer");
        if (headers.size() != 1 || footers.size() != 1) return headers.size() + " headers and " + footers.size() + " footers";
        if (!headers.attr("data-chrome-version").equals(footers.attr("data-chrome-version"))) return "header and footer of different versions";
        String structure = structure(document);
        if (structure != null) return structure;
        if (input == Input.VISITOR_NAME) {
            String expected = displayed(payload);
            Element button = document.selectFirst(".chrome-account__button span");
            if (expected.isEmpty()) {
                if (button != null || document.selectFirst(".chrome-account__sign-in") == null) return "an empty name must sign nobody in";
            } else {
                if (button == null) return "no account button for a signed-in visitor";
                if (!button.wholeText().equals(expected)) return "the name shows as '" + label(button.wholeText()) + "'";
                Element who = document.selectFirst(".chrome-account__who");
                if (who == null || !who.wholeText().contains(expected)) return "'signed in as' does not show the name";
            }
        }
        if (input == Input.QUERY || input == Input.PATH) {
            String target = input == Input.QUERY ? "/page?q=" + encoded(payload) + "&" + encoded(payload) : "/page/" + encoded(payload) + "/end";
            String expected = UrlPolicy.sameSitePath(target);
            for (Element field : document.select("input[name=return]")) {
                if (!field.val().equals(expected)) return "the return path reads " + label(field.val()) + " instead of " + label(expected);
            }
            Element signIn = document.selectFirst(".chrome-account__sign-in");
            String href = signIn == null ? "" : signIn.attr("href");
            if (!href.startsWith("/sign-in?return=")
                    || !java.net.URLDecoder.decode(href.substring("/sign-in?return=".length()), java.nio.charset.StandardCharsets.UTF_8).equals(expected)) {
                return "the sign-in link's return is " + (signIn == null ? "missing" : label(href));
            }
        }
        return null;
    }

    private String checkFragment(RawHttp.Response response) {
        Document document = Jsoup.parseBodyFragment(response.text(), "http://localhost/");
        if (document.select("header.chrome-header").size() != 1) return "the fragment is not one header";
        return structure(document);
    }

    /** Why the document has something no clean page has, or runs something, or null. */
    private String structure(Document document) {
        Set<String> pairs = HostileSite.pairs(document);
        pairs.removeAll(cleanPairs);
        if (!pairs.isEmpty()) return "elements or attributes no clean page has: " + pairs;
        for (Map.Entry<String, Integer> count : counts(document).entrySet()) {
            if (count.getValue() > cleanCounts.getOrDefault(count.getKey(), 0)) {
                return count.getValue() + " " + count.getKey() + " elements, clean pages have at most " + cleanCounts.get(count.getKey());
            }
        }
        return HostileSite.unsafe(document);
    }

    /** A refusal is fine where the payload cannot be a valid request: a 4xx from the container or an endpoint. */
    private boolean acceptableRefusal(Input input, String payload, RawHttp.Response response) {
        if (THROUGH_ATTRIBUTES.contains(input)) return false;
        if (response.status() == -1) return !payload.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
        return response.status() == 400 || response.status() == 431 || response.status() == 414;
    }

    /** What the page should show as the visitor's name: the cleaned name, characters HTML cannot hold as spaces. */
    private static String displayed(String payload) {
        StringBuilder out = new StringBuilder();
        Visitor.of(payload, null, 0).name().codePoints().forEach(c -> {
            boolean representable = !(c >= 0xD800 && c <= 0xDFFF) && !(c >= 0xFDD0 && c <= 0xFDEF) && (c & 0xFFFE) != 0xFFFE;
            out.append(representable ? Character.toString(c) : " ");
        });
        return out.toString();
    }

    /** Clean pages of every variant: signed out and in, each locale, country, GPC, nonce, consent, flash and dismissal. */
    private void learnCleanPages() throws IOException {
        for (int variant = 0; variant < 3 * 64; variant++) {
            List<String> headers = new ArrayList<>(List.of("Accept-Language", List.of("en", "de", "ar").get(variant % 3)));
            int bits = variant / 3;
            String attributes = "";
            if ((bits & 1) != 0) attributes += app("Name", "Ada") + app("Unread", "3") + app("Avatar", "/a.png");
            if ((bits & 2) != 0) headers.addAll(List.of(HostileSite.COUNTRY_HEADER, "US"));
            if ((bits & 4) != 0) headers.addAll(List.of("Sec-GPC", "1"));
            if ((bits & 8) != 0) attributes += app("Nonce", "abcdefgh12345678");
            List<String> cookies = new ArrayList<>();
            if ((bits & 16) != 0) cookies.add(consentCookie);
            if ((bits & 32) != 0) cookies.addAll(List.of("chrome_flash=consent-saved", "chrome_dismissed=notice"));
            if (!cookies.isEmpty()) headers.addAll(List.of("Cookie", String.join("; ", cookies)));
            RawHttp.Response response = application(attributes, headers.toArray(String[]::new));
            assertEquals(200, response.status(), response.toString());
            Document document = Jsoup.parse(response.text(), "http://localhost/");
            assertNotNull(document.selectFirst("header.chrome-header"));
            assertEquals(null, HostileSite.unsafe(document), "a clean page is safe");
            cleanPairs.addAll(HostileSite.pairs(document));
            counts(document).forEach((tag, count) -> cleanCounts.merge(tag, count, Math::max));
        }
    }

    private static Map<String, Integer> counts(Document document) {
        Map<String, Integer> counts = new HashMap<>();
        document.getAllElements().forEach(e -> counts.merge(e.tagName(), 1, Integer::sum));
        return counts;
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    private static String label(String payload) {
        StringBuilder out = new StringBuilder();
        payload.codePoints().limit(60).forEach(c -> out.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0xD800 && c <= 0xDFFF) || c > 0xFFFD
                ? String.format("\\u%04X", c) : Character.toString(c)));
        return payload.length() > 60 ? out + "...(" + payload.length() + ")" : out.toString();
    }
}
