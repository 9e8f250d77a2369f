package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadTest {

    static final String THEMED = Fixtures.MINIMAL + """
            theme:
              tokens: { accent: "#0067b8", radius: 4px }
            """;
    private static final Chrome CHROME = Fixtures.chrome(THEMED);

    private static Element stylesheetLink(Chrome chrome, ChromeRequest request) {
        Elements links = Fixtures.html(chrome.render(Component.HEAD, request)).select("link");
        assertEquals(1, links.size());
        return links.first();
    }

    @Test
    void theStylesheetIsLinkedByItsHashedNameUnderTheEndpoints() {
        Element link = stylesheetLink(CHROME, ChromeRequest.anonymous());
        assertEquals("stylesheet", link.attr("rel"));
        String name = CHROME.stylesheet().name();
        assertTrue(name.matches("chrome\\.[0-9a-f]{12}\\.css"), name);
        assertEquals("/chrome/assets/" + name, link.attr("href"));
        assertEquals(CHROME.version(), link.attr("data-chrome-version"));
        assertEquals("/app/chrome/assets/" + name, stylesheetLink(CHROME, ChromeRequest.builder().endpoints("/app/chrome/").build()).attr("href"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "https://evil.example/", "/a b/", "/chrome", "chrome/", "/x/\"><script>/", "/\u00e9/", ""})
    void invalidEndpointsFallBackToTheDefault(String endpoints) {
        String href = stylesheetLink(CHROME, ChromeRequest.builder().endpoints(endpoints).build()).attr("href");
        assertEquals("/chrome/assets/" + CHROME.stylesheet().name(), href);
    }

    @Test
    void theNameCarriesTheContentHash() throws Exception {
        Asset css = CHROME.stylesheet();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(css.bytes())).substring(0, 12);
        assertEquals("chrome." + hash + ".css", css.name());
        assertEquals("\"" + hash + "\"", css.etag());
        assertTrue(css.contentType().startsWith("text/css"));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(css.gzipped()))) {
            assertArrayEquals(css.bytes(), in.readAllBytes());
        }
        assertSame(css, CHROME.asset(css.name()));
        assertNull(CHROME.asset("chrome.000000000000.css"));
        assertNull(CHROME.asset("../chrome.css"));
    }

    @Test
    void themeTokensBecomeCustomPropertiesInFrontOfTheBuiltInStylesheet() throws IOException {
        String css = new String(CHROME.stylesheet().bytes(), StandardCharsets.UTF_8);
        assertTrue(css.startsWith(":root{"), css.substring(0, 40));
        String root = css.substring(0, css.indexOf('}') + 1);
        assertTrue(root.contains("--chrome-accent:#0067b8;"), root);
        assertTrue(root.contains("--chrome-radius:4px;"), root);
        try (InputStream in = Chrome.class.getResourceAsStream("/io/sitechrome/render/assets/chrome.css")) {
            assertTrue(css.endsWith(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void theNameChangesWithTheThemeAndOnlyWithIt() {
        Chrome same = Fixtures.chrome(THEMED + "# a comment changes the version, not the stylesheet\n");
        Chrome other = Fixtures.chrome(THEMED.replace("#0067b8", "#c00000"));
        Chrome plain = Fixtures.chrome(Fixtures.MINIMAL);
        assertEquals(CHROME.stylesheet().name(), same.stylesheet().name());
        assertNotEquals(CHROME.version(), same.version());
        assertNotEquals(CHROME.stylesheet().name(), other.stylesheet().name());
        assertNotEquals(CHROME.stylesheet().name(), plain.stylesheet().name());
        assertTrue(new String(plain.stylesheet().bytes(), StandardCharsets.UTF_8).startsWith(":root{--chrome-background:#ffffff;"),
                "without a theme, every token has its default");
    }
}
