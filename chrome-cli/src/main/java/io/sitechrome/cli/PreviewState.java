package io.sitechrome.cli;

import io.sitechrome.consent.ConsentState;
import io.sitechrome.model.Banner;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Visitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

// Apart from the cookie states, a consent choice is on record so the cookie banner does not cover the state.
record PreviewState(String name, String title, String description, boolean preferencesOpen,
                    UnaryOperator<ChromeRequest.Builder> setup) {

    static final Visitor VISITOR = Visitor.of("Ada Lovelace", null, 3);

    static List<PreviewState> of(Chrome chrome) {
        ChromeConfig config = chrome.config();
        ConsentState chosen = config.cookies() == null ? ConsentState.NONE
                : chrome.consentCookie().newChoice(Set.of(), Instant.now());
        List<PreviewState> states = new ArrayList<>();
        states.add(new PreviewState("signed-out", "Signed out", "A visitor who is not signed in.", false,
                request -> request.consent(chosen)));
        states.add(new PreviewState("signed-in", "Signed in, with unread messages",
                "Signed in as " + VISITOR.name() + ", with " + VISITOR.unread() + " unread messages.", false,
                request -> request.consent(chosen).visitor(VISITOR)));
        List<Banner> banners = config.banners();
        for (Banner banner : banners) {
            String country = countryShowing(banner);
            Set<String> others = banners.stream().map(Banner::id).filter(id -> !id.equals(banner.id())).collect(Collectors.toSet());
            states.add(new PreviewState("banner-" + banner.id(), "Banner " + banner.id(),
                    "Severity " + banner.severity().name().toLowerCase(Locale.ROOT) + (banner.dismissible() ? ", dismissible" : "")
                            + (country == null ? "" : ", as seen from " + country) + ". Other dismissible banners are hidden.",
                    false, request -> request.consent(chosen).country(country).dismissedBanners(others)));
        }
        if (config.cookies() != null) {
            states.add(new PreviewState("cookie-banner", "Cookie banner", "The first layer, before any choice.", false,
                    request -> request));
            states.add(new PreviewState("cookie-preferences", "Cookie preferences open",
                    "After \"Customize\" or \"Manage cookies\".", true, request -> request));
            states.add(new PreviewState("cookie-saved", "Cookie choice saved", "The confirmation after a choice.", false,
                    request -> request.consent(chosen).consentSaved(true)));
            if (!config.cookies().saleOrSharing().isEmpty()) {
                states.add(new PreviewState("gpc", "Global Privacy Control",
                        "The browser sends the GPC signal and no choice is on record.", false, request -> request.gpc(true)));
            }
        }
        return List.copyOf(states);
    }

    static PreviewState named(Chrome chrome, String name) {
        for (PreviewState state : of(chrome)) {
            if (state.name.equals(name)) return state;
        }
        return null;
    }

    private static String countryShowing(Banner banner) {
        if (banner.shownIn(null)) return null;
        return banner.countries().stream().sorted().filter(banner::shownIn).findFirst().orElse(null);
    }
}
