package io.sitechrome.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.internal.servlet.PathPatterns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The exclusion patterns of {@code site-chrome.exclude}: Ant style and servlet extension style. */
class PathPatternsTest {

    private static final PathPatterns PATTERNS = PathPatterns.of(List.of("/admin/**", "/api/*", "*.print.html", "/a?c", "/**/embed"));

    @ParameterizedTest
    @CsvSource({
        "/admin, true", "/admin/, true", "/admin/users/7, true", "/admin;jsessionid=1, true", "/admin/x;v=2/y, true",
        "/administrator, false", "/adminx/y, false",
        "/api/users, true", "/api/, true", "/api/users/7, false", "/api, false",
        "/report.print.html, true", "/docs/2024/report.print.html, true", "/report.print.html;jsessionid=9, true",
        "/report.html, false", "/print.html, false",
        "/abc, true", "/abbc, false", "/a/c, false",
        "/embed, true", "/x/y/embed, true", "/x/embedded, false",
        "/, false", "'', false"})
    void matchesThePathWithinTheApplication(String path, boolean excluded) {
        assertEquals(excluded, PATTERNS.matches(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin/**", "**/*.html", "*.a*"})
    void refusesPatternsOfNeitherForm(String pattern) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathPatterns.of(List.of(pattern)));
        assertTrue(e.getMessage().contains(pattern), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/**,*.print.html", " /admin/** , *.print.html ,, "})
    void settingsReadCommaSeparatedPatternsFromTheEnvironment(String value) {
        ChromeSettings settings = ChromeSettings.from(name -> null, name -> null, Map.of("SITE_CHROME_EXCLUDE", value));
        assertEquals(List.of("/admin/**", "*.print.html"), settings.exclude());
        assertEquals(List.of("/api/*"), ChromeSettings.builder().exclude("/api/*", " ").build().exclude());
    }
}
