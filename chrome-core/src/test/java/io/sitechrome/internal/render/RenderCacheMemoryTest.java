package io.sitechrome.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.consent.ConsentState;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Visitors choose their own consent masks (any custom choice gets a signed cookie) and their own
 * dismissed banners (an unsigned cookie): however many they make up, the render cache keeps a
 * bounded amount of output, and every render stays correct.
 */
class RenderCacheMemoryTest {

    private static final int CATEGORIES = 20;
    private static final int BANNERS = 20;

    private static String site() {
        StringBuilder yaml = new StringBuilder(Fixtures.MINIMAL).append("banners:\n");
        for (int i = 0; i < BANNERS; i++) {
            yaml.append("  - { id: b").append(i).append(", title: Banner ").append(i).append(", text: \"")
                    .append("A long announcement. ".repeat(20)).append("\", dismissible: true }\n");
        }
        yaml.append("cookies:\n  categories:\n    - { id: c0, label: Necessary, required: true }\n");
        for (int i = 1; i < CATEGORIES; i++) {
            yaml.append("    - { id: c").append(i).append(", label: Category ").append(i).append(", description: \"")
                    .append("What this category of cookies is for, in some detail. ".repeat(8)).append("\" }\n");
        }
        yaml.append("  scripts:\n");
        for (int i = 1; i < CATEGORIES; i++) {
            yaml.append("    - { category: c").append(i).append(", src: \"https://cdn.example.com/").append(i).append(".js\" }\n");
        }
        return yaml.toString();
    }

    @Test
    void madeUpConsentMasksAndDismissalsPinABoundedAmountOfOutput() throws Exception {
        ChromeConfig config = Fixtures.config(site());
        Renderer renderer = new Renderer(config, new TemplateSet(config.site().templates(), config.site().templateFiles()), new Assets(config.theme()));
        RequestResolver resolver = new RequestResolver(config, Fixtures.CLOCK_2024);
        Chrome fresh = Chrome.of(config, Fixtures.CLOCK_2024);
        for (Component component : Component.values()) render(renderer, resolver, component, ChromeRequest.anonymous());
        long shared = renderer.cachedChars();

        int made = 0;
        for (int mask = 1; mask < 1 << 12; mask++) {
            Set<String> accepted = new LinkedHashSet<>();
            for (int bit = 0; bit < 12; bit++) if ((mask & 1 << bit) != 0) accepted.add("c" + (bit + 1));
            ChromeRequest custom = ChromeRequest.builder().consent(choice(accepted)).build();
            String banner = render(renderer, resolver, Component.COOKIE_BANNER, custom);
            String scripts = render(renderer, resolver, Component.SCRIPTS, custom);
            Set<String> dismissed = new LinkedHashSet<>();
            for (int bit = 0; bit < 12; bit++) if ((mask & 1 << bit) != 0) dismissed.add("b" + bit);
            ChromeRequest dismissing = ChromeRequest.builder().dismissedBanners(dismissed).build();
            String banners = render(renderer, resolver, Component.BANNERS, dismissing);
            if (mask % 512 == 1) {
                assertEquals(fresh.render(Component.COOKIE_BANNER, custom), banner, "mask " + mask);
                assertEquals(fresh.render(Component.SCRIPTS, custom), scripts, "mask " + mask);
                assertEquals(fresh.render(Component.BANNERS, dismissing), banners, "mask " + mask);
            }
            made += banner.length() + scripts.length() + banners.length();
        }
        long pinned = renderer.cachedChars() - shared;
        assertTrue(made > 4 * Renderer.MAX_VISITOR_CHARS, "the visitors made up " + made + " characters of output");
        assertTrue(pinned <= Renderer.MAX_VISITOR_CHARS, "the cache keeps " + pinned + " characters of it");

        for (Component component : Component.values()) {
            assertEquals(fresh.render(component, ChromeRequest.anonymous()), render(renderer, resolver, component, ChromeRequest.anonymous()));
        }
        assertEquals(shared, renderer.cachedChars() - pinned, "the variants every visitor shares stay cached");
    }

    private static String render(Renderer renderer, RequestResolver resolver, Component component, ChromeRequest request)
            throws IOException {
        StringBuilder out = new StringBuilder();
        renderer.render(component, resolver.resolve(request), out);
        return out.toString();
    }

    private static ConsentState choice(Set<String> accepted) {
        Set<String> withRequired = new LinkedHashSet<>(List.of("c0"));
        withRequired.addAll(accepted);
        return new ConsentState(withRequired, 1, Instant.parse("2024-06-01T00:00:00Z"), "AAAAAAAAAAAAAAAAAAAAAA");
    }
}
