package io.sitechrome.servlet;

import static io.sitechrome.servlet.ChromeSite.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.config.ConfigProblem;
import jakarta.servlet.ServletException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload of the designer's templates on a real Jetty: an edited template is served within the
 * reload interval; a template that cannot render is refused at load, so the last good chrome keeps
 * serving and no endpoint answers 5xx; fail-fast refuses to start on a bad configuration.
 */
class ConfigurationReloadTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path configWithTemplates() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        return ChromeSite.write(dir.resolve("chrome.yaml"), CONFIG.replaceFirst("site:\n", "site:\n  templates: templates\n"));
    }

    private static ChromeSettings.Builder settings(Path config) {
        return ChromeSettings.builder().config(config).reloadInterval(Duration.ofMillis(100));
    }

    @Test
    void anEditedTemplateIsServedAndOneThatIncludesItselfNeverReachesARequest() throws Exception {
        Path config = configWithTemplates();
        Path skipLink = dir.resolve("templates/skip-link.mustache");
        ChromeFilter filter = new ChromeFilter(settings(config).build());
        try (EmbeddedContainer container = EmbeddedContainer.jetty()) {
            SiteClient site = new SiteClient(container.start(ChromeSite.app(filter)));
            Files.writeString(skipLink, "<a class=\"edited\" href=\"{{target}}\">{{text}}</a>\n");
            awaitUntil(() -> body(site, "/chrome/fragments/skip-link").contains("class=\"edited\""));
            String good = filter.chrome().current().version();

            Files.writeString(skipLink, "<a href=\"{{target}}\">{{text}}</a>{{> skip-link}}\n");
            awaitUntil(() -> !filter.chrome().problems().isEmpty());
            ConfigProblem problem = filter.chrome().problems().get(0);
            assertEquals(skipLink.toString(), problem.file(), problem.toString());
            assertEquals(good, filter.chrome().current().version(), "the last good chrome stays in service");

            HttpResponse<byte[]> fragment = site.get("/chrome/fragments/skip-link");
            assertEquals(200, fragment.statusCode());
            assertTrue(new String(fragment.body(), StandardCharsets.UTF_8).contains("class=\"edited\""));
            assertNotNull(Jsoup.parse(new String(site.get("/page").body(), StandardCharsets.UTF_8)).selectFirst("a.edited"),
                    "pages keep the last good chrome");
        }
    }

    @Test
    void failFastRefusesToStartOnAnInvalidOrMissingConfiguration() throws Exception {
        Path invalid = ChromeSite.write(dir.resolve("invalid.yaml"), ChromeSite.INVALID_CONFIG);
        for (Path config : List.of(invalid, dir.resolve("missing.yaml"))) {
            ChromeFilter strict = new ChromeFilter(settings(config).failFast(true).build());
            ServletException e = assertThrows(ServletException.class, () -> strict.init(null));
            assertTrue(e.getMessage().contains(config + ":"), e.getMessage());
        }
        ChromeFilter lenient = new ChromeFilter(settings(invalid).build());
        lenient.init(null);
        try {
            assertFalse(lenient.chrome().problems().isEmpty(), "without fail-fast the bundled chrome serves");
        } finally {
            lenient.destroy();
        }
    }

    @Test
    void failFastIsReadFromInitParametersPropertiesAndTheEnvironment() {
        assertFalse(ChromeSettings.from(name -> null, name -> null, Map.of()).failFast());
        assertTrue(ChromeSettings.from(Map.of("site-chrome.fail-fast", "true")::get, name -> null, Map.of()).failFast());
        assertTrue(ChromeSettings.from(name -> null, name -> null, Map.of("SITE_CHROME_FAIL_FAST", "true")).failFast());
    }

    private static String body(SiteClient site, String path) {
        try {
            return new String(site.get(path).body(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within the hang guard of " + HANG_GUARD);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
