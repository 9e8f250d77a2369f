package io.sitechrome.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cookie-consent configuration: categories, the consent cookie, and the banner's texts.
 *
 * @param googleConsentMode category id to the Google Consent Mode types it governs, in
 *                          configuration order; empty when the site uses no Consent Mode
 */
public record CookieSettings(String cookieName, String domain, String path, int lifetimeDays, int revision,
                             Mode mode, Map<String, Mode> modeByCountry, Set<String> saleOrSharing,
                             String policyUrl, String secret, List<Category> categories, List<GatedScript> scripts,
                             Texts text, Map<String, List<String>> googleConsentMode) {

    /** Opt-in asks before setting optional cookies; opt-out sets them until the visitor refuses. */
    public enum Mode { OPT_IN, OPT_OUT }

    public CookieSettings {
        modeByCountry = Map.copyOf(modeByCountry);
        saleOrSharing = Set.copyOf(saleOrSharing);
        categories = List.copyOf(categories);
        scripts = List.copyOf(scripts);
        Map<String, List<String>> types = new LinkedHashMap<>();
        googleConsentMode.forEach((category, list) -> types.put(category, List.copyOf(list)));
        googleConsentMode = Collections.unmodifiableMap(types);
    }

    /** The mode for a visitor from {@code country} (null when unknown). */
    public Mode modeFor(String country) {
        return country == null ? mode : modeByCountry.getOrDefault(country, mode);
    }

    /** A category of cookies the visitor may accept or refuse, unless it is required. */
    public record Category(String id, Text label, Text description, boolean required, List<Service> services) {
        public Category {
            services = List.copyOf(services);
        }
    }

    /** A service inside a category, with the cookies it sets so they can be cleared. */
    public record Service(String id, Text label, List<CookieRule> cookies) {
        public Service {
            cookies = List.copyOf(cookies);
        }
    }

    /**
     * A cookie by exact name or by pattern, with the domain and path it was set on.
     *
     * @param label how the preferences name the cookie; null for its name, or its pattern when it has none
     */
    public record CookieRule(String name, Pattern pattern, String domain, String path, String label) {
        public boolean matches(String cookieName) {
            return name != null ? name.equals(cookieName) : pattern.matcher(cookieName).find();
        }

        /** What the preferences show for this cookie: its label, else its name, else its pattern. */
        public String displayName() {
            if (label != null) return label;
            return name != null ? name : pattern == null ? "" : pattern.pattern();
        }
    }

    /** A third-party script that runs only once its category is allowed. */
    public record GatedScript(String category, String src) {
    }

    /** Designer overrides of the banner's texts; each may be null (built-in default). */
    public record Texts(Text title, Text body, Text acceptAll, Text rejectAll, Text customize, Text save) {
        public static final Texts DEFAULTS = new Texts(null, null, null, null, null, null);
    }
}
