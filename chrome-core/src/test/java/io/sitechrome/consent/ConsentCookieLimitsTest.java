package io.sitechrome.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.render.Chrome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The largest configuration the schema allows still gets a consent cookie the server reads back. */
class ConsentCookieLimitsTest {

    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");

    /** The schema's limits on categories: how many, and how long an id may be. */
    record SchemaLimits(int categories, int idLength, int cookieNameLength) {

        static SchemaLimits read() {
            try (InputStream in = Chrome.class.getResourceAsStream("/io/sitechrome/config/chrome-config.schema.json")) {
                JsonNode schema = new ObjectMapper().readTree(in);
                int categories = schema.at("/properties/cookies/properties/categories/maxItems").asInt();
                return new SchemaLimits(categories, maxLength(schema.at("/$defs/id/pattern").asText(), 1),
                        maxLength(schema.at("/properties/cookies/properties/cookieName/pattern").asText(), 0));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        /** The longest match of a pattern such as {@code ^[a-z][a-z-]{0,63}$}: {@code fixed} characters plus the last bound. */
        private static int maxLength(String pattern, int fixed) {
            Matcher bound = Pattern.compile("\\{(\\d+),(\\d+)}").matcher(pattern);
            int max = -1;
            while (bound.find()) max = Integer.parseInt(bound.group(2));
            assertTrue(max > 0, pattern);
            return fixed + max;
        }
    }

    /**
     * A site with the schema's maximum number of categories, each with an id of the greatest
     * length, the longest cookie name and the highest revision.
     */
    static String largestSite(SchemaLimits limits) {
        StringBuilder yaml = new StringBuilder(Fixtures.MINIMAL).append("cookies:\n  revision: 1000000\n  cookieName: ")
                .append("c".repeat(limits.cookieNameLength())).append("\n  categories:\n");
        for (String id : ids(limits)) {
            yaml.append("    - { id: ").append(id).append(", label: ").append(id).append(id.startsWith("c00") ? ", required: true" : "")
                    .append(" }\n");
        }
        return yaml.toString();
    }

    static List<String> ids(SchemaLimits limits) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < limits.categories(); i++) {
            String prefix = "c%02d-".formatted(i);
            ids.add(prefix + "x".repeat(limits.idLength() - prefix.length()));
        }
        return ids;
    }

    @Test
    void acceptAllWithTheSchemasMaximumOfCategoriesIsReadBack() throws ConfigException {
        SchemaLimits limits = SchemaLimits.read();
        assertEquals(ConsentCookie.MAX_CATEGORIES, limits.categories(), "the cookie's worst case follows the schema");
        assertEquals(ConsentCookie.MAX_CATEGORY_ID, limits.idLength(), "the cookie's worst case follows the schema");
        Chrome chrome = Chrome.of(Fixtures.config(largestSite(limits)));
        Set<String> all = new LinkedHashSet<>(ids(limits));

        ConsentState choice = chrome.consentCookie().newChoice(all, NOW);
        String value = chrome.consentCookie().encode(choice);
        ConsentState read = chrome.consentCookie().decode(value, NOW);

        assertEquals(all, read.accepted(), "accept-all of " + all.size() + " categories in " + value.length() + " characters");
        assertTrue(chrome.consentPolicy().isCurrent(read));
        int nameAndValue = limits.cookieNameLength() + 1 + value.length();
        assertTrue(value.length() <= ConsentCookie.MAX_LENGTH);
        assertTrue(nameAndValue <= 3072, "name=value leaves room for the attributes within a browser's 4096 bytes: " + nameAndValue);
    }

    @Test
    void aCookieDomainOrPathTooLongForABrowserIsRefusedWhereItIsWritten() {
        String site = Fixtures.MINIMAL + """
                cookies:
                  domain: DOMAIN
                  path: PATH
                  categories: [ { id: necessary, label: Necessary, required: true } ]
                """;
        String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61) + ".example";
        String path = "/" + "p".repeat(200);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("site.yaml",
                site.replace("DOMAIN", domain).replace("PATH", path).getBytes(StandardCharsets.UTF_8), Path.of(".")));
        List<String> problems = e.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("site.yaml:" + (lineOf(site, "domain:")) + ":11: cookies.domain: "), problems.get(0));
        assertTrue(problems.get(1).startsWith("site.yaml:" + (lineOf(site, "path:")) + ":9: cookies.path: "), problems.get(1));
        Fixtures.config(site.replace("DOMAIN", domain.substring(0, 253)).replace("PATH", path.substring(0, 200)));
    }

    private static int lineOf(String text, String part) {
        return text.substring(0, text.indexOf(part)).split("\n", -1).length;
    }
}
