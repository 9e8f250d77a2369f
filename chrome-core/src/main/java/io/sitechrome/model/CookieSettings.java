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
 * @param cookieName        the name of the cookie that records the visitor's choice
 * @param domain            the consent cookie's {@code Domain}, or null for the host only
 * @param path              the consent cookie's {@code Path}
 * @param lifetimeDays      how many days a recorded choice lasts before the visitor is asked again
 * @param revision          the policy's revision; a choice recorded under another revision counts as
 *                          none, so raising it asks everyone again
 * @param mode              the consent mode for visitors whose country has no mode of its own
 * @param modeByCountry     the mode per ISO 3166 alpha-2 country, overriding {@code mode}
 * @param saleOrSharing     the ids of the categories that Global Privacy Control switches off
 * @param policyUrl         the URL of the cookie policy the banner links to
 * @param secret            the key that signs the consent cookie, or null to use the
 *                          {@code CHROME_CONSENT_SECRET} environment variable (or a derived, public key)
 * @param categories        the cookie categories, in the order the preferences list them
 * @param scripts           the third-party scripts that run only once their category is allowed
 * @param text              the designer's overrides of the banner's texts
 * @param googleConsentMode category id to the Google Consent Mode types it governs, in
 *                          configuration order; empty when the site uses no Consent Mode
 */
public record CookieSettings(String cookieName, String domain, String path, int lifetimeDays, int revision,
                             Mode mode, Map<String, Mode> modeByCountry, Set<String> saleOrSharing,
                             String policyUrl, String secret, List<Category> categories, List<GatedScript> scripts,
                             Texts text, Map<String, List<String>> googleConsentMode) {

    /** Opt-in asks before setting optional cookies; opt-out sets them until the visitor refuses. */
    public enum Mode {
        /** Optional categories stay off until the visitor accepts them. */
        OPT_IN,
        /** Optional categories are on until the visitor refuses them. */
        OPT_OUT
    }

    /**
     * Copies every collection, keeping the order of {@code googleConsentMode}, so the settings stay
     * immutable.
     *
     * @param cookieName        the consent cookie's name
     * @param domain            the consent cookie's domain, or null for the host only
     * @param path              the consent cookie's path
     * @param lifetimeDays      how many days a recorded choice lasts
     * @param revision          the policy's revision
     * @param mode              the default consent mode
     * @param modeByCountry     the mode per country; not null
     * @param saleOrSharing     the categories Global Privacy Control switches off; not null
     * @param policyUrl         the cookie policy's URL
     * @param secret            the signing key, or null
     * @param categories        the cookie categories, in order; not null
     * @param scripts           the consent-gated scripts; not null
     * @param text              the overrides of the banner's texts
     * @param googleConsentMode category id to Google Consent Mode types; not null
     */
    public CookieSettings {
        modeByCountry = Map.copyOf(modeByCountry);
        saleOrSharing = Set.copyOf(saleOrSharing);
        categories = List.copyOf(categories);
        scripts = List.copyOf(scripts);
        Map<String, List<String>> types = new LinkedHashMap<>();
        googleConsentMode.forEach((category, list) -> types.put(category, List.copyOf(list)));
        googleConsentMode = Collections.unmodifiableMap(types);
    }

    /**
     * The consent mode that applies to a visitor from {@code country}.
     *
     * @param country the visitor's ISO 3166 alpha-2 country code, or null when unknown
     * @return the country's own mode, or {@link #mode()} when it has none or is unknown
     */
    public Mode modeFor(String country) {
        return country == null ? mode : modeByCountry.getOrDefault(country, mode);
    }

    /**
     * A category of cookies the visitor may accept or refuse, unless it is required.
     *
     * @param id          the category's id, as recorded in the consent cookie and named by scripts
     * @param label       the category's name in the preferences
     * @param description what the category's cookies are for
     * @param required    whether the category is always on (strictly necessary) and cannot be refused
     * @param services    the services that set cookies in this category
     */
    public record Category(String id, Text label, Text description, boolean required, List<Service> services) {
        /**
         * Copies {@code services}, so the category stays immutable.
         *
         * @param id          the category's id
         * @param label       the category's name in the preferences
         * @param description what the category's cookies are for
         * @param required    whether the category cannot be refused
         * @param services    the services in this category; not null
         */
        public Category {
            services = List.copyOf(services);
        }
    }

    /**
     * A service inside a category, with the cookies it sets so they can be cleared.
     *
     * @param id      the service's id
     * @param label   the service's name in the preferences, or null for its id
     * @param cookies the cookies it sets, listed in the preferences and cleared when consent is withdrawn
     */
    public record Service(String id, Text label, List<CookieRule> cookies) {
        /**
         * Copies {@code cookies}, so the service stays immutable.
         *
         * @param id      the service's id
         * @param label   the service's name in the preferences, or null for its id
         * @param cookies the cookies it sets; not null
         */
        public Service {
            cookies = List.copyOf(cookies);
        }
    }

    /**
     * A cookie by exact name or by pattern, with the domain and path it was set on.
     *
     * @param name    the cookie's exact name, or null when it is given by a pattern
     * @param pattern the pattern its names match (searched, not matched whole), used when {@code name} is null
     * @param domain  the domain it was set on, or null for the host only
     * @param path    the path it was set on, or null
     * @param label how the preferences name the cookie; null for its name, or its pattern when it has none
     */
    public record CookieRule(String name, Pattern pattern, String domain, String path, String label) {
        /**
         * Whether a cookie the browser holds is this one.
         *
         * @param cookieName the name of a cookie
         * @return true when it equals {@link #name()}, or, for a rule given by a pattern, when the
         *         pattern is found in it
         */
        public boolean matches(String cookieName) {
            return name != null ? name.equals(cookieName) : pattern.matcher(cookieName).find();
        }

        /**
         * What the preferences show for this cookie.
         *
         * @return its label, else its name, else its pattern (empty when it has none)
         */
        public String displayName() {
            if (label != null) return label;
            return name != null ? name : pattern == null ? "" : pattern.pattern();
        }
    }

    /**
     * A third-party script that runs only once its category is allowed.
     *
     * @param category the id of the category that must be allowed
     * @param src      the script's URL
     */
    public record GatedScript(String category, String src) {
    }

    /**
     * Designer overrides of the banner's texts; each may be null (built-in default).
     *
     * @param title     the banner's heading
     * @param body      the banner's message
     * @param acceptAll the label of the button that accepts every category
     * @param rejectAll the label of the button that refuses every optional category
     * @param customize the label of the button that opens the preferences
     * @param save      the label of the button that saves the preferences
     */
    public record Texts(Text title, Text body, Text acceptAll, Text rejectAll, Text customize, Text save) {
        /** No overrides: every text is the built-in, translated one. */
        public static final Texts DEFAULTS = new Texts(null, null, null, null, null, null);
    }
}
