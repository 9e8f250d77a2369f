package io.sitechrome.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.render.Chrome;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consent cookie's signing key: a recorded choice must count until the site raises
 * {@code revision}, whatever else is edited, and a site without a proper secret is told so.
 */
class ConsentKeyTest {

    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");

    /** A site without a secret: categories with translations, descriptions and services. */
    static final String SITE = """
            site:
              name: Demo
              url: https://www.example.com/
              locales:
                - { tag: en, name: English }
                - { tag: de, name: Deutsch }
            brand:
              name: { text: Demo, href: / }
            cookies:
              revision: 2
              mode: opt-out
              saleOrSharing: [advertising]
              categories:
                - id: necessary
                  label: { en: Necessary, de: Notwendig }
                  description: Needed for the site to work.
                  required: true
                - id: analytics
                  label: Analytics
                  description: { en: Helps us improve the site. }
                  services:
                    - { id: clarity, label: Clarity, cookies: [ { name: _clck, path: / } ] }
                - id: advertising
                  label: Advertising
                  description: Personalised ads.
              scripts:
                - { category: analytics, src: "https://cdn.example.com/analytics.js" }
            """;

    static Stream<Arguments> editsThatKeepTheRevision() {
        return Stream.of(
                Arguments.of("a typo fixed in a label", SITE.replace("label: Analytics", "label: Analytics!")),
                Arguments.of("a description reworded", SITE.replace("Personalised ads.", "Ads that suit you.")),
                Arguments.of("a translation added", SITE.replace("label: Advertising", "label: { en: Advertising, de: Werbung }")),
                Arguments.of("a translation changed", SITE.replace("de: Notwendig", "de: Erforderlich")),
                Arguments.of("a service added", SITE.replace("description: Personalised ads.",
                        "description: Personalised ads.\n      services:\n        - { id: ads, label: Ads, cookies: [ { name: ads_id } ] }")),
                Arguments.of("a service removed", SITE.replace(
                        "      services:\n        - { id: clarity, label: Clarity, cookies: [ { name: _clck, path: / } ] }\n", "")),
                Arguments.of("a service's cookies changed", SITE.replace("name: _clck, path: /", "pattern: \"^_cl\"")),
                Arguments.of("the banner's texts set", SITE.replace("  revision: 2\n",
                        "  revision: 2\n  text: { title: \"Cookies, anyone\", acceptAll: Yes please }\n")),
                Arguments.of("a policy URL added", SITE.replace("  revision: 2\n", "  revision: 2\n  policyUrl: /privacy\n")),
                Arguments.of("a gated script moved", SITE.replace("cdn.example.com", "static.example.com")),
                Arguments.of("the site renamed", SITE.replace("name: Demo", "name: Demo Site")),
                Arguments.of("the lifetime extended", SITE.replace("  revision: 2\n", "  revision: 2\n  lifetimeDays: 365\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editsThatKeepTheRevision")
    void aRecordedChoiceSurvivesEveryEditThatKeepsTheRevision(String edit, String edited) throws ConfigException {
        Chrome before = Chrome.of(Fixtures.config(SITE));
        ConsentState choice = before.consentCookie().newChoice(Set.of("analytics"), NOW);
        String cookie = before.consentCookie().encode(choice);

        Chrome after = Chrome.of(Fixtures.config(edited));
        ConsentState read = after.consentCookie().decode(cookie, NOW);
        assertEquals(choice, read, edit + " must not void the visitor's choice");
        assertTrue(after.consentPolicy().isCurrent(read));
        assertFalse(after.consentPolicy().allows("advertising", read, null, false),
                edit + ": a visitor who refused advertising in an opt-out site is not opted back in");
    }

    @Test
    void raisingTheRevisionOrChangingTheCategoriesAsksAgain() throws ConfigException {
        Chrome before = Chrome.of(Fixtures.config(SITE));
        String cookie = before.consentCookie().encode(before.consentCookie().newChoice(Set.of("analytics"), NOW));
        for (String edited : List.of(SITE.replace("revision: 2", "revision: 3"), SITE.replace("id: analytics", "id: statistics")
                .replace("category: analytics", "category: statistics"))) {
            assertEquals(ConsentState.NONE, Chrome.of(Fixtures.config(edited)).consentCookie().decode(cookie, NOW));
        }
    }

    @Test
    void theDerivedKeyDependsOnTheCookieNameAndCategoryIdsOnly() {
        String derived = ConsentCookie.signingSecret(Fixtures.config(SITE).cookies(), null).value();
        assertEquals(derived, ConsentCookie.signingSecret(Fixtures.config(SITE.replace("Personalised ads.", "Ads.")).cookies(), null).value());
        assertFalse(derived.contains("Personalised") || derived.contains("Category[") || derived.contains("Text["), derived);
        String renamed = ConsentCookie.signingSecret(Fixtures.config(SITE.replace("  revision: 2\n",
                "  revision: 2\n  cookieName: other_consent\n")).cookies(), null).value();
        assertFalse(derived.equals(renamed), "another cookie name, another key");
    }

    @Test
    void loadingASiteWithoutASecretWarnsOnce() throws ConfigException {
        assumeTrue(System.getenv(ConsentCookie.SECRET_VARIABLE) == null, "the environment sets a consent secret");
        List<LogRecord> warnings = capture(() -> Chrome.of(Fixtures.config(SITE)));
        assertEquals(1, warnings.size(), warnings.toString());
        String message = warnings.get(0).getMessage();
        assertTrue(message.startsWith("test.yaml: ") && message.contains("cookies.secret")
                && message.contains(ConsentCookie.SECRET_VARIABLE), message);
    }

    @Test
    void aShortSecretInTheEnvironmentIsNotSilentlyIgnored() {
        List<LogRecord> warnings = capture(() -> ConsentCookie.forSite(Fixtures.config(SITE).cookies(), "test.yaml", "too-short"));
        assertEquals(1, warnings.size(), warnings.toString());
        String message = warnings.get(0).getMessage();
        assertTrue(message.contains(ConsentCookie.SECRET_VARIABLE) && message.contains("16"), message);
        assertFalse(message.contains("too-short"), "a warning never prints the secret");
    }

    @Test
    void aProperSecretLogsNothing() throws ConfigException {
        assertEquals(List.of(), capture(() -> ConsentCookie.forSite(Fixtures.config(SITE).cookies(), "test.yaml", "sixteen-chars-ok")));
        String configured = SITE.replace("  revision: 2\n", "  revision: 2\n  secret: configured-secret-1234\n");
        assertEquals(List.of(), capture(() -> Chrome.of(Fixtures.config(configured))));
        assertEquals("configured-secret-1234",
                ConsentCookie.signingSecret(Fixtures.config(configured).cookies(), "environment-secret-5678").value(),
                "the configuration's secret wins over the environment's");
    }

    private interface Action {
        void run() throws Exception;
    }

    /** The warnings the consent cookie logs while {@code action} runs. */
    private static List<LogRecord> capture(Action action) {
        Logger logger = Logger.getLogger(ConsentCookie.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }
}
