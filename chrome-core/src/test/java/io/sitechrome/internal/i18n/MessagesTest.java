package io.sitechrome.internal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class MessagesTest {

    static final List<String> BUILT_IN = Messages.BUILT_IN;

    @Test
    void thirtyLanguagesShip() {
        assertEquals(30, BUILT_IN.size());
        assertEquals(30, new HashSet<>(BUILT_IN).size());
        assertTrue(BUILT_IN.containsAll(List.of("en", "ar", "he", "ja", "ru", "pl", "pt-PT", "pt-BR", "zh-Hans", "zh-Hant")));
    }

    @ParameterizedTest
    @FieldSource("BUILT_IN")
    void everyBuiltInLanguageLoadsWithEveryKeyTranslated(String tag) throws IOException {
        Messages messages = Messages.forTag(tag);
        assertEquals(tag, messages.tag());
        Properties english = read("en");
        Properties own = read(tag);
        assertEquals(english.stringPropertyNames(), own.stringPropertyNames(), "the same keys as English in " + tag);
        for (String key : english.stringPropertyNames()) {
            String pattern = own.getProperty(key);
            assertEquals(pattern, messages.pattern(key), key);
            assertTrue(!pattern.isBlank(), key);
            if (pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) assertEquals(pattern, messages.get(key), key);
        }
        if (!tag.equals("en")) assertNotEquals(english.getProperty("skipLink"), messages.get("skipLink"), "skipLink is translated in " + tag);
        assertTrue(messages.format("account.signedInAs", Map.of("name", "Zoë")).contains("Zoë"), tag);
        assertTrue(messages.unread(7).contains("7"), tag);
    }

    @ParameterizedTest(name = "en {0}")
    @CsvSource(delimiter = '|', value = {
            "0|No unread messages", "1|1 unread message", "2|2 unread messages", "1000|1,000 unread messages"})
    void englishUnread(int count, String expected) {
        assertEquals(expected, Messages.forTag("en").unread(count));
    }

    @ParameterizedTest(name = "ar {0}")
    @CsvSource(delimiter = '|', value = {
            "0|لا توجد رسائل غير مقروءة",
            "1|رسالة واحدة غير مقروءة",
            "2|رسالتان غير مقروءتين",
            "3|3 رسائل غير مقروءة",
            "10|10 رسائل غير مقروءة",
            "11|11 رسالة غير مقروءة",
            "100|100 رسالة غير مقروءة",
            "103|103 رسائل غير مقروءة"})
    void arabicUnreadUsesZeroOneTwoFewManyOther(int count, String expected) {
        assertEquals(expected, Messages.forTag("ar").unread(count));
    }

    @ParameterizedTest(name = "ru {0}")
    @CsvSource(delimiter = '|', value = {
            "0|Нет непрочитанных сообщений",
            "1|1 непрочитанное сообщение",
            "2|2 непрочитанных сообщения",
            "5|5 непрочитанных сообщений",
            "11|11 непрочитанных сообщений",
            "21|21 непрочитанное сообщение",
            "22|22 непрочитанных сообщения",
            "25|25 непрочитанных сообщений"})
    void russianUnread(int count, String expected) {
        assertEquals(expected, Messages.forTag("ru").unread(count));
    }

    @ParameterizedTest(name = "pl {0}")
    @CsvSource(delimiter = '|', value = {
            "0|Brak nieprzeczytanych wiadomości",
            "1|1 nieprzeczytana wiadomość",
            "2|2 nieprzeczytane wiadomości",
            "5|5 nieprzeczytanych wiadomości",
            "12|12 nieprzeczytanych wiadomości",
            "21|21 nieprzeczytanych wiadomości",
            "22|22 nieprzeczytane wiadomości"})
    void polishUnread(int count, String expected) {
        assertEquals(expected, Messages.forTag("pl").unread(count));
    }

    @ParameterizedTest(name = "ja {0}")
    @CsvSource(delimiter = '|', value = {"0|未読メッセージはありません", "1|未読メッセージ 1 件", "5|未読メッセージ 5 件"})
    void japaneseUnreadHasNoSingular(int count, String expected) {
        assertEquals(expected, Messages.forTag("ja").unread(count));
    }

    @Test
    void cachedPhrasesStayPerLanguage() {
        assertEquals("3 unread messages", Messages.forTag("en").unread(3));
        assertEquals("3 непрочитанных сообщения", Messages.forTag("ru").unread(3));
        assertEquals("3 unread messages", Messages.forTag("en").unread(3));
        assertEquals("150 unread messages", Messages.forTag("en").unread(150));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "de-AT, de", "de-CH-1996, de", "zh-TW, zh-Hant", "zh-HK, zh-Hant", "zh-Hant-TW, zh-Hant", "zh-CN, zh-Hans", "zh, zh-Hans",
            "pt, pt-PT", "pt-BR, pt-BR", "pt-AO, pt-PT", "iw, he", "he-IL, he", "no, nb", "nn, nb", "EN-us, en", "xx, en",
            "tlh, en", "'', en"})
    void fallsBackToTheClosestBuiltInLanguage(String requested, String builtIn) {
        assertEquals(builtIn, Messages.forTag(requested).tag());
    }

    @Test
    void instancesAreShared() {
        assertSame(Messages.forTag("de"), Messages.forTag("de-AT"));
    }

    @Test
    void argumentsAreNotReadAsMessageSyntax() {
        assertEquals("Signed in as O'Brien {count} #", Messages.forTag("en").format("account.signedInAs", Map.of("name", "O'Brien {count} #")));
    }

    @Test
    void anUnknownKeyIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Messages.forTag("en").get("no.such.key"));
    }

    @Test
    void noStringsShipForLanguagesOutsideTheList() throws IOException {
        Set<String> shipped = new HashSet<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(resourceDirectory()))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("messages_"))
                    .forEach(n -> shipped.add(n.substring("messages_".length(), n.length() - ".properties".length())));
        }
        assertEquals(Set.copyOf(BUILT_IN), shipped);
    }

    private static java.net.URI resourceDirectory() {
        try {
            return Messages.class.getResource("/io/sitechrome/i18n/messages_en.properties").toURI().resolve(".");
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static Properties read(String tag) throws IOException {
        try (InputStream in = Messages.class.getResourceAsStream("/io/sitechrome/i18n/messages_" + tag + ".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
