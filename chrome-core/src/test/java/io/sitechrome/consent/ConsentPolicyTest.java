package io.sitechrome.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.model.CookieSettings;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentPolicyTest {

    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");
    private static final CookieSettings SETTINGS = Fixtures.config(Fixtures.MINIMAL + """
            cookies:
              revision: 2
              mode: opt-in
              modeByCountry: { US: opt-out }
              saleOrSharing: [advertising]
              categories:
                - { id: necessary, label: Necessary, required: true }
                - { id: analytics, label: Analytics }
                - { id: advertising, label: Advertising }
            """).cookies();
    private static final Set<String> ALL = Set.of("necessary", "analytics", "advertising");
    private static final Set<String> REQUIRED = Set.of("necessary");

    private final ConsentPolicy policy = new ConsentPolicy(SETTINGS);

    private static ConsentState choice(int revision, String... accepted) {
        return new ConsentState(Set.of(accepted), revision, NOW, "AAAAAAAAAAAAAAAAAAAAAA");
    }

    @Test
    void optInAllowsOnlyRequiredCategoriesUntilAChoiceIsMade() {
        assertEquals(REQUIRED, policy.allowed(ConsentState.NONE, "DE", false));
        assertEquals(REQUIRED, policy.allowed(ConsentState.NONE, null, false), "an unknown country gets the default mode");
        assertFalse(policy.allows("analytics", ConsentState.NONE, "DE", false));
        assertTrue(policy.allows("necessary", ConsentState.NONE, "DE", false));
    }

    @Test
    void optOutCountriesAllowEverythingUntilTheVisitorRefuses() {
        assertEquals(ALL, policy.allowed(ConsentState.NONE, "US", false));
        assertEquals(REQUIRED, policy.allowed(choice(2, "necessary"), "US", false));
    }

    @Test
    void gpcSwitchesOffOnlySaleOrSharingCategoriesWhenNoChoiceIsRecorded() {
        assertEquals(Set.of("necessary", "analytics"), policy.allowed(ConsentState.NONE, "US", true));
        assertTrue(policy.gpcHonoured(ConsentState.NONE, true));
        assertFalse(policy.gpcHonoured(ConsentState.NONE, false));
        assertEquals(REQUIRED, policy.allowed(ConsentState.NONE, "DE", true), "opt-in stays opt-in");
    }

    @Test
    void anExplicitChoiceMadeLaterWinsOverGpc() {
        ConsentState acceptedAll = choice(2, "necessary", "analytics", "advertising");
        assertEquals(ALL, policy.allowed(acceptedAll, "US", true));
        assertFalse(policy.gpcHonoured(acceptedAll, true));
        assertEquals(ALL, policy.allowed(acceptedAll, "DE", true));
    }

    @Test
    void requiredCategoriesAreAlwaysAllowed() {
        assertEquals(Set.of("necessary", "analytics"), policy.allowed(choice(2, "analytics"), "DE", false));
    }

    @Test
    void aChoiceOfAnOlderRevisionCountsAsNone() {
        ConsentState old = choice(1, "necessary", "analytics", "advertising");
        assertFalse(policy.isCurrent(old));
        assertFalse(policy.isCurrent(ConsentState.NONE));
        assertTrue(policy.isCurrent(choice(2)));
        assertEquals(REQUIRED, policy.allowed(old, "DE", false));
        assertEquals(Set.of("necessary", "analytics"), policy.allowed(old, "US", true));
        assertTrue(policy.gpcHonoured(old, true));
    }

    @Test
    void withoutSaleOrSharingCategoriesGpcChangesNothing() {
        ConsentPolicy optOut = new ConsentPolicy(Fixtures.config(Fixtures.MINIMAL + """
                cookies:
                  mode: opt-out
                  categories:
                    - { id: necessary, label: Necessary, required: true }
                    - { id: analytics, label: Analytics }
                """).cookies());
        assertEquals(Set.of("necessary", "analytics"), optOut.allowed(ConsentState.NONE, "DE", true));
        assertFalse(optOut.gpcHonoured(ConsentState.NONE, true));
    }
}
