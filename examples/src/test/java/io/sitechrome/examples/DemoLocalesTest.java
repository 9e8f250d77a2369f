package io.sitechrome.examples;

import static io.sitechrome.examples.Html.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The demo's languages: Accept-Language and the language picker's cookie choose the
 * chrome's locale, whose labels come from skype.yaml and whose built-in strings come from
 * the chrome's own translations.
 */
class DemoLocalesTest {

    @TempDir
    static Path folder;
    static RunningDemo demo;
    /** skype.yaml as plain data, read independently of the chrome's loader. */
    static Map<String, Object> config;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start(folder);
        try (InputStream in = DemoServer.class.getResourceAsStream(DemoServer.BUNDLED_CONFIG)) {
            config = new Yaml().load(in);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        demo.close();
    }

    @ParameterizedTest
    @CsvSource({
            "ar, rtl, الصفحة الرئيسية, ما الجديد, الانتقال إلى المحتوى الرئيسي",
            "de, ltr, Startseite, Neuigkeiten, Zum Hauptinhalt springen",
            "ja, ltr, ホーム, 新着情報, メインコンテンツへスキップ"})
    void acceptLanguageTranslatesTheChrome(String tag, String dir, String home, String firstColumn, String skipLink) throws Exception {
        Document page = demo.browser().page("/", "Accept-Language", tag);
        for (String part : List.of("html", "header.chrome-header", "footer.chrome-footer", "a.chrome-skip-link", ".chrome-banner", ".chrome-cookies")) {
            Element element = one(page, part);
            assertEquals(tag, element.attr("lang"), part + " lang");
            assertEquals(dir, element.attr("dir"), part + " dir");
        }
        assertEquals("en", one(page, "main").attr("lang"), "the legal text itself stays English");

        assertEquals(home, page.select("header nav a.chrome-nav__link").first().text());
        assertEquals(firstColumn, page.select("footer .chrome-footer__heading").first().text());
        assertEquals(skipLink, one(page, "a.chrome-skip-link").text());
        assertLabelsAre(tag, page);
    }

    @Test
    void aLocaleWithoutTranslationsFallsBackToEnglishLabelsButKeepsFrenchBuiltInStrings() throws Exception {
        Document page = demo.browser().page("/", "Accept-Language", "fr-CA, fr;q=0.9, en;q=0.5");
        assertEquals("fr", one(page, "html").attr("lang"));
        assertEquals("fr", one(page, "header.chrome-header").attr("lang"));
        assertEquals("ltr", one(page, "header.chrome-header").attr("dir"));
        assertEquals("fr", one(page, "footer.chrome-footer").attr("lang"));

        assertEquals("Home", page.select("header nav a.chrome-nav__link").first().text());
        assertEquals("What's new", page.select("footer .chrome-footer__heading").first().text());
        assertLabelsAre("en", page);

        assertEquals("Aller au contenu principal", one(page, "a.chrome-skip-link").text());
        List<String> buttons = page.select(".chrome-cookies__actions button").stream().map(Element::text).toList();
        assertEquals(List.of("Tout accepter", "Tout refuser", "Personnaliser"), buttons);
        assertEquals("Enregistrer les préférences", one(page, ".chrome-preferences button[value=custom]").text());
    }

    @Test
    void thePickersCookieChoosesTheLocaleForLaterRequests() throws Exception {
        Browser browser = demo.browser();
        Document english = browser.page("/");
        assertEquals("en-US", one(english, "header.chrome-header").attr("lang"));
        Element japanese = one(english, ".chrome-locales a[hreflang=ja]");
        assertEquals("日本語", japanese.text());
        assertEquals("/chrome/locale/ja?return=%2F", japanese.attr("href"));

        Browser.Response choose = browser.get(japanese.attr("href"));
        assertEquals(303, choose.status());
        assertEquals("/", choose.header("Location").orElseThrow());
        assertEquals("ja", browser.cookie("chrome_locale").orElseThrow().getValue());

        Document page = browser.page("/");
        assertEquals("ja", one(page, "html").attr("lang"));
        assertEquals("ja", one(page, "header.chrome-header").attr("lang"));
        assertEquals("ホーム", page.select("header nav a.chrome-nav__link").first().text());
        assertEquals("true", one(page, ".chrome-locales a[hreflang=ja]").attr("aria-current"));
        assertLabelsAre("ja", page);

        Document stillJapanese = browser.page("/", "Accept-Language", "de");
        assertEquals("ja", one(stillJapanese, "header.chrome-header").attr("lang"), "the visitor's choice beats the browser's header");
    }

    @Test
    void theLocaleSwitchRefusesUnknownLocalesAndForeignReturns() throws Exception {
        Browser browser = demo.browser();
        Browser.Response unknown = browser.get("/chrome/locale/xx?return=%2F");
        assertEquals(400, unknown.status());
        assertTrue(browser.cookie("chrome_locale").isEmpty());

        Browser.Response foreign = browser.get("/chrome/locale/de?return=%2F%2Fevil.example%2F");
        assertEquals(303, foreign.status());
        assertEquals("/", foreign.header("Location").orElseThrow());
        assertEquals("de", browser.cookie("chrome_locale").orElseThrow().getValue());
    }

    static Stream<Arguments> malformedAcceptLanguage() {
        return Stream.of(
                Arguments.of(";;;", "en-US"),
                Arguments.of(",,,", "en-US"),
                Arguments.of("q=0.5", "en-US"),
                Arguments.of("*;q=", "en-US"),
                Arguments.of("de;q=2", "en-US"),
                Arguments.of("de;q=abc, ja", "ja"),
                Arguments.of("de;q=-1", "en-US"),
                Arguments.of("ar;q=0", "en-US"),
                Arguments.of("-", "en-US"),
                Arguments.of("de-", "en-US"),
                Arguments.of("de--DE", "en-US"),
                Arguments.of("toolongsubtag-de", "en-US"),
                Arguments.of("d\u00e9", "en-US"),
                Arguments.of("de;q=0.5;q=0.9;;", "de"),
                Arguments.of("x".repeat(6_000), "en-US"),
                Arguments.of("de-" + "a".repeat(5_000), "en-US"),
                Arguments.of("zz, ".repeat(1_000) + "de", "en-US"),
                Arguments.of("zz;q=0.9, ".repeat(31) + "ja;q=0.1, de", "ja"),
                Arguments.of("*", "en-US"),
                Arguments.of("zh_TW", "en-US"),
                Arguments.of("zh-TW;q=0.8, zz;q=0.9", "zh-Hant"));
    }

    @ParameterizedTest
    @MethodSource("malformedAcceptLanguage")
    void malformedAcceptLanguageNeverFails(String header, String expected) throws Exception {
        Document page = demo.browser().page("/", "Accept-Language", header);
        assertEquals(expected, one(page, "header.chrome-header").attr("lang"));
    }

    /** Bytes no HTTP client library would send: control and non-UTF-8 bytes, over a raw socket. */
    @Test
    void rawBytesInAcceptLanguageNeverCauseAServerError() throws Exception {
        byte[][] values = {
                {(byte) 0xff, (byte) 0xfe, 'd', 'e'},
                {'d', 'e', 0x01, ';', 'q', '=', '1'},
                {(byte) 0xe2, (byte) 0x80, (byte) 0xae, 'a', 'r'},
                {(byte) 0xc3, (byte) 0xa9, ',', 'j', 'a'},
        };
        for (byte[] value : values) {
            int status = rawGet(value);
            assertTrue(status > 0 && status < 500, "status " + status + " for " + new String(value, StandardCharsets.ISO_8859_1));
        }
    }

    /** Every nav, footer and banner label of skype.yaml in locale {@code tag} (falling back to {@code en}), as shown. */
    @SuppressWarnings("unchecked")
    private static void assertLabelsAre(String tag, Document page) {
        Map<String, Object> header = (Map<String, Object>) config.get("header");
        List<String> nav = new ArrayList<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) header.get("nav")) {
            nav.add(text(item.get("label"), tag));
            for (Map<String, Object> sub : (List<Map<String, Object>>) item.getOrDefault("items", List.of())) nav.add("  " + text(sub.get("label"), tag));
        }
        List<String> shownNav = new ArrayList<>();
        for (Element entry : page.select("header nav li.chrome-nav__item")) {
            Element button = entry.selectFirst("button");
            shownNav.add(button != null ? button.text() : one(entry, "a").text());
            if (button != null) entry.select(".chrome-disclosure__panel a").forEach(a -> shownNav.add("  " + a.text()));
        }
        assertEquals(nav, shownNav, "nav in " + tag);

        List<String> actions = ((List<Map<String, Object>>) header.get("actions")).stream().map(a -> text(a.get("label"), tag)).toList();
        assertEquals(actions, page.select(".chrome-header__action").stream().map(Element::text).toList(), "actions in " + tag);

        Map<String, Object> footer = (Map<String, Object>) config.get("footer");
        List<String> columns = new ArrayList<>();
        for (Map<String, Object> column : (List<Map<String, Object>>) footer.get("columns")) {
            columns.add(text(column.get("heading"), tag));
            for (Map<String, Object> link : (List<Map<String, Object>>) column.get("links")) columns.add("  " + text(link.get("label"), tag));
        }
        List<String> shownColumns = new ArrayList<>();
        for (Element column : page.select("footer .chrome-footer__column")) {
            shownColumns.add(one(column, "h2").text());
            column.select("a").forEach(a -> shownColumns.add("  " + a.text()));
        }
        assertEquals(columns, shownColumns, "footer columns in " + tag);

        List<String> bottom = ((List<Map<String, Object>>) footer.get("links")).stream().map(l -> text(l.get("label"), tag)).toList();
        assertEquals(bottom, page.select("footer .chrome-footer__links a").stream().map(Element::text).toList(), "footer links in " + tag);

        Map<String, Object> banner = ((List<Map<String, Object>>) config.get("banners")).get(0);
        assertEquals(text(banner.get("title"), tag), one(page, ".chrome-banner__title").text(), "banner in " + tag);
    }

    @SuppressWarnings("unchecked")
    private static String text(Object value, String tag) {
        if (value instanceof Map<?, ?> map) {
            Object inTag = ((Map<String, Object>) map).get(tag);
            return String.valueOf(inTag != null ? inTag : map.get("en"));
        }
        return String.valueOf(value);
    }

    private static int rawGet(byte[] acceptLanguage) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", demo.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + demo.port() + "\r\nAccept-Language: ").getBytes(StandardCharsets.US_ASCII));
            out.write(acceptLanguage);
            out.write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertFalse(response.isEmpty(), "no response");
            String[] statusLine = response.substring(0, response.indexOf("\r\n")).split(" ");
            return Integer.parseInt(statusLine[1]);
        }
    }
}
