package io.sitechrome.consent;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.model.CookieSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentCookieTest {

    private static final String SECRET = "test-secret-0123456789";
    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00.123456Z");

    private static CookieSettings settings(int revision) {
        return Fixtures.config(Fixtures.MINIMAL + """
                cookies:
                  revision: %d
                  lifetimeDays: 30
                  categories:
                    - { id: necessary, label: Necessary, required: true }
                    - { id: analytics, label: Analytics }
                    - { id: advertising, label: Advertising }
                """.formatted(revision)).cookies();
    }

    private final ConsentCookie cookie = new ConsentCookie(settings(3), SECRET);

    @Test
    void aChoiceSurvivesTheRoundTrip() {
        ConsentState choice = cookie.newChoice(Set.of("analytics"), NOW);
        assertEquals(Set.of("necessary", "analytics"), choice.accepted(), "required categories are always part of a choice");
        assertEquals(3, choice.revision());
        assertEquals(Instant.parse("2024-06-15T12:00:00Z"), choice.time(), "kept to the second");
        assertTrue(choice.id().matches("[A-Za-z0-9_-]{22}"), choice.id());

        String value = cookie.encode(choice);
        assertTrue(value.matches("1\\.3\\.1718452800\\.[A-Za-z0-9_-]{22}\\.[a-z~-]+\\.[A-Za-z0-9_-]{22}"), value);
        assertTrue(value.matches("[A-Za-z0-9._~-]+"), "safe in a cookie without quoting: " + value);
        assertEquals(choice, cookie.decode(value, NOW));
        assertEquals(choice, cookie.decode(value, NOW.plus(Duration.ofDays(29))));
    }

    @Test
    void newChoicesIgnoreUnknownCategoriesAndGetFreshIds() {
        ConsentState a = cookie.newChoice(Set.of("advertising", "bogus"), NOW);
        ConsentState b = cookie.newChoice(Set.of(), NOW);
        assertEquals(Set.of("necessary", "advertising"), a.accepted());
        assertEquals(Set.of("necessary"), b.accepted());
        assertNotEquals(a.id(), b.id());
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String value = cookie.encode(cookie.newChoice(Set.of("analytics"), NOW));
        char last = value.charAt(value.length() - 1);
        String tampered = value.substring(0, value.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(ConsentState.NONE, cookie.decode(tampered, NOW));
        assertEquals(ConsentState.NONE, cookie.decode(value.substring(0, value.length() - 1), NOW));
    }

    @Test
    void aChangedCategoryListIsRefused() {
        String value = cookie.encode(cookie.newChoice(Set.of("analytics"), NOW));
        String[] parts = value.split("\\.");
        assertEquals(Set.of("necessary", "analytics"), Set.of(parts[4].split("~")));
        parts[4] = parts[4] + "~advertising";
        assertEquals(ConsentState.NONE, cookie.decode(String.join(".", parts), NOW));
        parts[4] = "necessary";
        assertEquals(ConsentState.NONE, cookie.decode(String.join(".", parts), NOW), "narrowing is tampering too");
    }

    @Test
    void anyOtherChangedFieldIsRefused() {
        String value = cookie.encode(cookie.newChoice(Set.of("analytics"), NOW));
        String[] parts = value.split("\\.");
        assertEquals(ConsentState.NONE, cookie.decode(value.replace("." + parts[2] + ".", "." + (Long.parseLong(parts[2]) + 1) + "."), NOW));
        String otherId = parts[3].charAt(0) == 'A' ? "B" + parts[3].substring(1) : "A" + parts[3].substring(1);
        assertEquals(ConsentState.NONE, cookie.decode(value.replace(parts[3], otherId), NOW));
    }

    @Test
    void anotherSecretCannotReadIt() {
        String value = cookie.encode(cookie.newChoice(Set.of("analytics"), NOW));
        assertEquals(ConsentState.NONE, new ConsentCookie(settings(3), "another-secret-0123456").decode(value, NOW));
    }

    @Test
    void aChoiceUnderAnotherRevisionNoLongerCounts() {
        ConsentCookie older = new ConsentCookie(settings(2), SECRET);
        ConsentCookie newer = new ConsentCookie(settings(4), SECRET);
        assertEquals(ConsentState.NONE, cookie.decode(older.encode(older.newChoice(Set.of("analytics"), NOW)), NOW));
        assertEquals(ConsentState.NONE, cookie.decode(newer.encode(newer.newChoice(Set.of("analytics"), NOW)), NOW));
    }

    @Test
    void anExpiredChoiceIsRefused() {
        ConsentState choice = cookie.newChoice(Set.of("analytics"), NOW);
        String value = cookie.encode(choice);
        Instant expiry = choice.time().plus(Duration.ofDays(30));
        assertEquals(choice, cookie.decode(value, expiry), "valid for exactly lifetimeDays");
        assertEquals(ConsentState.NONE, cookie.decode(value, expiry.plusSeconds(1)));
        assertEquals(ConsentState.NONE, cookie.decode(value, NOW.plus(Duration.ofDays(400))));
    }

    @Test
    void aChoiceFromTheFutureIsRefusedBeyondADayOfClockSkew() {
        assertEquals(ConsentState.NONE, cookie.decode(cookie.encode(cookie.newChoice(Set.of(), NOW.plus(Duration.ofDays(2)))), NOW));
        ConsentState skewed = cookie.newChoice(Set.of(), NOW.plus(Duration.ofHours(12)));
        assertEquals(skewed, cookie.decode(cookie.encode(skewed), NOW));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "1", "1.3", "1.3.1718452800", ".....", "......", "1.3.1718452800.id.necessary.sig",
            "1.x.1718452800.AAAAAAAAAAAAAAAAAAAAAA.necessary.AAAAAAAAAAAAAAAAAAAAAA",
            "1.3.-1718452800.AAAAAAAAAAAAAAAAAAAAAA.necessary.AAAAAAAAAAAAAAAAAAAAAA",
            "1.3.1718452800.AAAAAAAAAAAAAAAAAAAAAA.necessary.AAAAAAAAAAAAAAAAAAAAAA",
            "1.3.1718452800.AAAAAAAAAAAAAAAAAAAAAA.necessary.AAAAAAAAAAAAAAAAAAAAAA.extra",
            "1.3.1718452800.AAAAAAAAAAAAAAAAAAAAAA.nécessaire.AAAAAAAAAAAAAAAAAAAAAA",
            "\"1.3.1718452800.AAAAAAAAAAAAAAAAAAAAAA.necessary.AAAAAAAAAAAAAAAAAAAAAA\""})
    void malformedValuesAreRefused(String value) {
        assertEquals(ConsentState.NONE, cookie.decode(value, NOW));
    }

    @Test
    void forgedValuesWithTheRightKeyStillNeedTheRightShape() {
        long time = NOW.getEpochSecond();
        String id = "AAAAAAAAAAAAAAAAAAAAAA";
        assertEquals(Set.of("necessary", "analytics"), cookie.decode(forge("1.3." + time + "." + id + ".necessary~analytics"), NOW).accepted(),
                "the forging helper signs like the real codec");
        assertEquals(ConsentState.NONE, cookie.decode(forge("2.3." + time + "." + id + ".necessary~analytics"), NOW), "another version");
        assertEquals(ConsentState.NONE, cookie.decode(forge("1.99999999999." + time + "." + id + ".analytics"), NOW), "a revision beyond int");
        assertEquals(ConsentState.NONE, cookie.decode(forge("1.3.999999999999." + id + ".analytics"), NOW), "far in the future");
        assertEquals(ConsentState.NONE, cookie.decode(forge("1.3." + time + ".short.analytics"), NOW), "a malformed id");
    }

    @Test
    void oversizedValuesAreRefused() {
        Set<String> many = new LinkedHashSet<>(Set.of("analytics"));
        int i = 0;
        String value;
        do {
            many.add("unknown-category-" + i++);
            value = cookie.encode(new ConsentState(many, 3, NOW, "AAAAAAAAAAAAAAAAAAAAAA"));
        } while (value.length() <= ConsentCookie.MAX_LENGTH);
        Set<String> fewer = new LinkedHashSet<>(many);
        fewer.remove("unknown-category-" + (i - 1));
        String justUnder = cookie.encode(new ConsentState(fewer, 3, NOW, "AAAAAAAAAAAAAAAAAAAAAA"));
        assertTrue(justUnder.length() <= ConsentCookie.MAX_LENGTH);
        assertEquals(Set.of("analytics"), cookie.decode(justUnder, NOW).accepted());
        assertEquals(ConsentState.NONE, cookie.decode(value, NOW));
    }

    @Test
    void unknownCategoryIdsAreDropped() {
        ConsentState stored = new ConsentState(Set.of("analytics", "retired-category"), 3, NOW, "AAAAAAAAAAAAAAAAAAAAAA");
        ConsentState decoded = cookie.decode(cookie.encode(stored), NOW);
        assertEquals(Set.of("analytics"), decoded.accepted());
        assertTrue(decoded.recorded());
    }

    @Test
    void decodingNeverThrows() {
        String valid = cookie.encode(cookie.newChoice(Set.of("analytics"), NOW));
        String alphabet = "0123456789.~-_abcxyzAZ\u0000é\uD800";
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            StringBuilder mutated = new StringBuilder(valid);
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                int at = random.nextInt(mutated.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> mutated.setCharAt(at, c);
                    case 1 -> mutated.insert(at, c);
                    default -> mutated.deleteCharAt(at);
                }
            }
            String candidate = mutated.toString();
            ConsentState state = assertDoesNotThrow(() -> cookie.decode(candidate, NOW), candidate);
            if (!candidate.equals(valid)) assertFalse(state.recorded() && !state.accepted().equals(Set.of("necessary", "analytics")), candidate);
        }
    }

    @Test
    void theConfiguredSecretIsTheDefault() {
        CookieSettings withSecret = Fixtures.config(Fixtures.MINIMAL + """
                cookies:
                  secret: "configured-secret-123"
                  categories: [ { id: necessary, label: N, required: true } ]
                """).cookies();
        assertEquals("configured-secret-123", ConsentCookie.signingSecret(withSecret, null).value());
        assertEquals(ConsentCookie.signingSecret(settings(3), null), ConsentCookie.signingSecret(settings(3), null), "stable across loads");
    }

    @Test
    void aVerifiedValueIsNotVerifiedAgain() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean,
                "this runtime does not count a thread's allocation");
        com.sun.management.ThreadMXBean counting = (com.sun.management.ThreadMXBean) threads;
        ConsentState choice = cookie.newChoice(Set.of("analytics"), NOW);
        String value = cookie.encode(choice);
        assertEquals(choice, cookie.decode(value, NOW));
        int decodes = 10_000;
        long before = counting.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < decodes; i++) {
            if (!cookie.decode(value, NOW).recorded()) throw new AssertionError("decoded as no choice");
        }
        long perDecode = (counting.getCurrentThreadAllocatedBytes() - before) / decodes;
        assertTrue(perDecode < 64, "the signature is checked once per value, not per request: " + perDecode + " bytes per decode");
    }

    @Test
    void aCachedValueIsStillCheckedForRevisionAndAgeOnEveryDecode() {
        ConsentState choice = cookie.newChoice(Set.of("analytics"), NOW);
        String value = cookie.encode(choice);
        Instant expiry = choice.time().plus(Duration.ofDays(30));
        assertEquals(choice, cookie.decode(value, NOW));
        assertEquals(ConsentState.NONE, cookie.decode(value, expiry.plusNanos(1)), "expired, though verified before");
        assertEquals(ConsentState.NONE, cookie.decode(value, NOW.minus(Duration.ofDays(2))), "from the future at that time");
        assertEquals(choice, cookie.decode(value, expiry));
        ConsentCookie newer = new ConsentCookie(settings(4), SECRET);
        assertEquals(ConsentState.NONE, newer.decode(value, NOW), "an older revision");
        assertEquals(ConsentState.NONE, newer.decode(value, NOW), "an older revision, asked again");
    }

    @Test
    void theCacheHoldsOnlyVerifiedValuesAndStaysBounded() {
        String valid = cookie.encode(cookie.newChoice(Set.of("analytics"), NOW));
        for (int i = 0; i < 5000; i++) {
            assertEquals(ConsentState.NONE, cookie.decode(valid.substring(0, valid.length() - 4) + String.format("%04d", i), NOW));
        }
        assertEquals(0, cookie.verified.size(), "values with a wrong signature are not kept");
        for (int i = 0; i < 5000; i++) {
            ConsentState choice = new ConsentState(Set.of("necessary"), 3, NOW.minusSeconds(i), "AAAAAAAAAAAAAAAAAAAAAA");
            assertEquals(choice.time().getEpochSecond(), cookie.decode(cookie.encode(choice), NOW).time().getEpochSecond());
        }
        assertTrue(cookie.verified.size() <= ConsentCookie.VerifiedValues.SLOTS, "bounded: " + cookie.verified.size());
        assertTrue(cookie.verified.size() > 0);
    }

    private static String forge(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
            return payload + "." + signature.substring(0, 22);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
