package io.sitechrome.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.render.Component;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenderCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryComponentTheAssetsAndAPage() throws IOException {
        Path out = dir.resolve("out");
        Cli cli = render(out);
        assertEquals(0, cli.status(), cli.all());
        assertEquals("", cli.err());
        for (Component component : Component.values()) {
            assertTrue(Files.isRegularFile(out.resolve(component.id() + ".html")), component.id());
        }
        List<String> assets;
        try (Stream<Path> files = Files.list(out.resolve("assets"))) {
            assets = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertEquals(3, assets.size(), "stylesheet, script and (the demo uses googleConsentMode) the Consent Mode script: " + assets);
        assertTrue(assets.stream().anyMatch(name -> name.matches("chrome\\.[0-9a-f]{12}\\.css")), assets.toString());
        assertTrue(assets.stream().anyMatch(name -> name.matches("chrome\\.[0-9a-f]{12}\\.js")), assets.toString());
        assertTrue(assets.stream().anyMatch(name -> name.matches("consent-mode\\.[0-9a-f]{12}\\.js")), assets.toString());
        assertTrue(Files.isRegularFile(out.resolve("page.html")));
        assertEquals(Component.values().length + 4, cli.out().lines().count(), cli.out());
    }

    @Test
    void thePageIsACompleteDocumentWhoseAssetsResolve() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, render(out).status());
        String html = Files.readString(out.resolve("page.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>\n"), html);
        Document page = Jsoup.parse(html);
        assertEquals("en-US", page.selectFirst("html").attr("lang"));
        assertEquals("ltr", page.selectFirst("html").attr("dir"));
        assertNotNull(page.selectFirst("head > meta[charset=utf-8]"));
        assertEquals("width=device-width, initial-scale=1", page.selectFirst("head > meta[name=viewport]").attr("content"));
        assertEquals("Skype", page.title());
        assertNotNull(page.selectFirst("body header.chrome-header"));
        assertNotNull(page.selectFirst("body footer.chrome-footer"));
        Element main = page.selectFirst("body > main#main");
        assertNotNull(main);
        assertEquals("-1", main.attr("tabindex"));
        assertFalse(main.text().isBlank());

        Element stylesheet = page.selectFirst("head > link[rel=stylesheet]");
        assertTrue(stylesheet.attr("href").startsWith("./assets/chrome."), stylesheet.outerHtml());
        assertTrue(Files.isRegularFile(out.resolve(stylesheet.attr("href")).normalize()), stylesheet.attr("href"));
        Element script = page.selectFirst("body script[src]");
        assertTrue(Files.isRegularFile(out.resolve(script.attr("src")).normalize()), script.attr("src"));
        assertFalse(html.contains("/chrome/"), "no link points at the servlet endpoints of a Java site");
        for (Element form : page.select("form[action]")) assertTrue(form.attr("action").startsWith("./"), form.attr("action"));

        List<String> order = new ArrayList<>();
        for (Element element : page.select("body > *")) order.add(element.tagName() + "." + element.className());
        assertTrue(order.indexOf("header.chrome-header") < order.indexOf("main.")
                && order.indexOf("main.") < order.indexOf("footer.chrome-footer"), order.toString());
    }

    @Test
    void theLocaleSetsLanguageAndDirection() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, render(out, "--locale", "ar").status());
        Document page = Jsoup.parse(Files.readString(out.resolve("page.html")));
        assertEquals("ar", page.selectFirst("html").attr("lang"));
        assertEquals("rtl", page.selectFirst("html").attr("dir"));
        assertEquals("rtl", page.selectFirst("header.chrome-header").attr("dir"));
    }

    @Test
    void aVisitorWithUnreadMessages() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, render(out, "--user", "Ada", "--unread", "3").status());
        Document page = Jsoup.parse(Files.readString(out.resolve("page.html")));
        Element header = page.selectFirst("header.chrome-header");
        assertTrue(header.text().contains("Ada"), header.text());
        assertTrue(header.text().contains("3 unread messages"), header.text());
        assertEquals("3", header.selectFirst(".chrome-chat__count").text());
        assertNotNull(header.selectFirst("#chrome-account-menu"));
    }

    @Test
    void countryGpcAndPathShapeTheChrome() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, render(out, "--country", "us", "--gpc", "--path", "/en/features/").status());
        Document page = Jsoup.parse(Files.readString(out.resolve("page.html")));
        assertNotNull(page.selectFirst(".chrome-footer__gpc"), "GPC is honoured");
        assertEquals("Features", page.selectFirst("header a[aria-current=page]").text());
        assertEquals("/en/features/", page.selectFirst(".chrome-cookies form input[name=return]").attr("value"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--unread|-1|--unread must be a whole number of messages, 0 or more, not '-1'",
            "--unread|three|--unread must be a whole number of messages, 0 or more, not 'three'",
            "--unread|99999999999|--unread must be a whole number of messages, 0 or more, not '99999999999'",
            "--country|XX|--country must be a two-letter ISO 3166 country code such as US, not 'XX'",
            "--country|USA|--country must be a two-letter ISO 3166 country code such as US, not 'USA'",
            "--path|https://evil.example/|--path must be a path on this site starting with '/', such as /legal, not 'https://evil.example/'",
            "--locale|xx|--locale 'xx' is not one of the site's locales: en-US, ar, bg,",
    })
    void badValuesAreUsageErrors(String option, String value, String message) {
        List<String> args = new ArrayList<>(List.of("--user", "Ada"));
        args.add(option);
        args.add(value);
        Path out = dir.resolve("out");
        Cli cli = render(out, args.toArray(String[]::new));
        assertEquals(2, cli.status(), cli.all());
        assertTrue(cli.err().startsWith("chrome render: " + message), cli.err());
        assertTrue(cli.err().contains("Usage: chrome render"), cli.err());
        assertFalse(Files.exists(out), "nothing is written");
        cli.assertNoStackTrace();
    }

    @Test
    void unreadNeedsAUser() {
        Cli cli = render(dir.resolve("out"), "--unread", "3");
        assertEquals(2, cli.status());
        assertTrue(cli.err().startsWith("chrome render: --unread needs --user"), cli.err());
    }

    @Test
    void anInvalidConfigurationIsReportedNotRendered() throws IOException {
        Path config = Files.writeString(dir.resolve("broken.yaml"), "site: {}\n");
        Path out = dir.resolve("out");
        Cli cli = Cli.run("render", "--config", config.toString(), "--out", out.toString());
        assertEquals(1, cli.status());
        assertTrue(cli.err().startsWith(config + ":1:1: "), cli.err());
        assertFalse(Files.exists(out));
        cli.assertNoStackTrace();
    }

    @Test
    void anUnwritableOutputIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "a file, not a folder");
        Cli cli = render(file);
        assertEquals(1, cli.status());
        assertTrue(cli.err().startsWith("chrome render: cannot write into " + file + ": "), cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
    }

    private static Cli render(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("render", "--config", Cli.EXAMPLE.toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }
}
