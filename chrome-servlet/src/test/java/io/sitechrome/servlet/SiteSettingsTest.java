package io.sitechrome.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.servlet.ChromeSettings.Site;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code site-chrome.sites} syntax and the settings each site gets. */
class SiteSettingsTest {

    @Test
    void parsesHostsPrefixesAndBoth() {
        List<Site> sites = Site.parse(" A.example=/etc/a.yaml ; b.example,www.b.example=/etc/b.yaml;/business=/etc/biz.yaml;shop.example/sale/=/etc/sale.yaml;");
        assertEquals(List.of(
            new Site(List.of("a.example"), null, "/etc/a.yaml"),
            new Site(List.of("b.example", "www.b.example"), null, "/etc/b.yaml"),
            new Site(List.of(), "/business/", "/etc/biz.yaml"),
            new Site(List.of("shop.example"), "/sale/", "/etc/sale.yaml")), sites);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.example", "=/etc/a.yaml", "a.example=", "/=/etc/a.yaml"})
    void refusesEntriesThatSelectNothingOrNameNoFile(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Site.parse(value));
        assertTrue(e.getMessage().contains("site"), e.getMessage());
    }

    @Test
    void aSectionsEndpointsLiveUnderItsPrefix() {
        ChromeSettings settings = ChromeSettings.from(name -> null, name -> null,
            Map.of("SITE_CHROME_SITES", "a.example=/etc/a.yaml;/business/=/etc/biz.yaml", "SITE_CHROME_PREFIX", "/_chrome"));
        assertEquals("/_chrome/", settings.forSite(settings.sites().get(0)).prefix());
        ChromeSettings business = settings.forSite(settings.sites().get(1));
        assertEquals("/business/_chrome/", business.prefix());
        assertEquals("/etc/biz.yaml", business.config());
        assertEquals(List.of(), business.sites());
    }
}
