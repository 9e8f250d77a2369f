package io.sitechrome.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.model.SiteLocale;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LocaleNegotiatorTest {

    private static final List<String> TAGS = List.of("en-US", "ar", "de", "fr", "he", "ja", "nb", "pt-PT", "pt-BR", "zh-Hans", "zh-Hant");
    private static final LocaleNegotiator SITE = negotiator(TAGS);

    private static LocaleNegotiator negotiator(List<String> tags) {
        return new LocaleNegotiator(tags.stream().map(t -> SiteLocale.of(t, t)).toList());
    }

    private static String negotiate(String header) {
        SiteLocale found = SITE.negotiate(header);
        return found == null ? null : found.tag();
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("de-DE,de;q=0.9,en;q=0.8", "de"),
                Arguments.of("en;q=abc, fr", "fr"),
                Arguments.of("en;q=1.5, fr;q=0.5", "fr"),
                Arguments.of("en;q=-1, fr;q=0.5", "fr"),
                Arguments.of("en;q=0.1234, fr;q=0.5", "fr"),
                Arguments.of("en_US, de", "de"),
                Arguments.of("en-, ja", "ja"),
                Arguments.of("-en, ja", "ja"),
                Arguments.of("e\u0000n, ja", "ja"),
                Arguments.of("<script>, ja", "ja"),
                Arguments.of("*, de;q=0.5", "de"),
                Arguments.of("de;q=0, fr;q=0.1", "fr"),
                Arguments.of("de;q=0.000, fr;q=0.001", "fr"),
                Arguments.of("fr;q=0.3, de;q=0.7, ja;q=0.5", "de"),
                Arguments.of("ja, de", "ja"),
                Arguments.of("ja;q=0.8, de;q=0.8", "ja"),
                Arguments.of("de; q=0.5 , fr ; q=0.4", "de"),
                Arguments.of("de;level=1;q=0.9, fr;q=0.5", "de"),
                Arguments.of("DE", "de"),
                Arguments.of("EN-us", "en-US"),
                Arguments.of("en-GB", "en-US"),
                Arguments.of("en", "en-US"),
                Arguments.of("he", "he"),
                Arguments.of("iw", "he"),
                Arguments.of("iw-IL", "he"),
                Arguments.of("he-IL", "he"),
                Arguments.of("zh-TW", "zh-Hant"),
                Arguments.of("zh-HK", "zh-Hant"),
                Arguments.of("zh-Hant-TW", "zh-Hant"),
                Arguments.of("zh-CN", "zh-Hans"),
                Arguments.of("zh-SG", "zh-Hans"),
                Arguments.of("pt-BR", "pt-BR"),
                Arguments.of("pt-br", "pt-BR"),
                Arguments.of("pt", "pt-PT"),
                Arguments.of("pt-AO", "pt-PT"),
                Arguments.of("no", "nb"),
                Arguments.of("nn-NO", "nb"),
                Arguments.of("xx, yy;q=0.5, ar;q=0.1", "ar"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("headers")
    void negotiates(String header, String expected) {
        assertEquals(expected, negotiate(header));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"en;q=abc", "en;q=1.5", "en_US", "en-", "*", "de;q=0", ",,,;;;", ";q=0.5", "q=0.5", "  ", "xx-YY", "x", "a-b-c-d-e-f-g-h-i"})
    void malformedOrUnmatchedHeadersGiveNoLocaleAndNeverThrow(String header) {
        assertNull(negotiate(header));
    }

    @Test
    void theHeaderIsReadOnlyUpToItsCap() {
        StringBuilder junk = new StringBuilder();
        while (junk.length() < 10 * 1024) junk.append("xx-yy;q=0.9, ");
        long start = System.nanoTime();
        assertNull(negotiate(junk + "de"), "an item beyond the cap is ignored");
        assertEquals("de", negotiate("de, " + junk));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2000, "a 10 KB header is cheap");
    }

    @Test
    void onlyTheFirstItemsCount() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < LocaleNegotiator.MAX_ITEMS; i++) header.append("xx, ");
        assertNull(negotiate(header + "de"));
        assertEquals(LocaleNegotiator.MAX_ITEMS, LocaleNegotiator.preferences(header + "de").size());
    }

    @Test
    void preferencesAreOrderedByQualityThenByPosition() {
        assertEquals(List.of("fr", "en", "ja", "de"), LocaleNegotiator.preferences("de;q=0.5, fr, en;q=0.8, ja;q=0.8, it;q=0"));
    }

    @Test
    void aBareLanguageWithTwoRegionalSiteLocalesIsDeterministicAndFollowsTheSiteOrder() {
        for (int i = 0; i < 5; i++) assertEquals("pt-PT", negotiate("pt"));
        LocaleNegotiator brazilFirst = negotiator(List.of("en", "pt-BR", "pt-PT"));
        for (int i = 0; i < 5; i++) assertEquals("pt-BR", brazilFirst.negotiate("pt").tag());
        assertEquals("pt-PT", brazilFirst.negotiate("pt-PT").tag());
    }

    @Test
    void bareChineseFindsTheFirstChineseSiteLocale() {
        assertEquals("zh-Hans", negotiate("zh"));
        assertEquals("zh-Hant", negotiator(List.of("en", "zh-Hant")).negotiate("zh-CN").tag(), "any Chinese beats none");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"de, de", "DE, de", "de-AT, ", "zh-hant, zh-Hant"})
    void exactNeedsTheWholeTag(String tag, String expected) {
        SiteLocale found = SITE.exact(tag);
        assertEquals(expected, found == null ? null : found.tag());
    }

    @Test
    void absurdTagsMatchNothing() {
        assertNull(SITE.match("d".repeat(65)));
        assertNull(SITE.match(null));
        assertNull(SITE.exact(null));
        assertEquals("de", SITE.match("de_AT").tag(), "match() accepts the underscore form");
    }
}
