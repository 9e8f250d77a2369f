package io.sitechrome.render;

import io.sitechrome.consent.ConsentState;
import java.util.Set;

/**
 * What one page view needs to know to render the chrome: the locale, the visitor, the
 * current path, the country, the consent state, the Global Privacy Control signal and a
 * CSP nonce. Every value may come from an untrusted request; {@link Chrome} validates
 * each before use.
 */
public final class ChromeRequest {

    /**
     * Where the chrome's endpoints and assets are served unless a request says otherwise: the one
     * definition of the default that the servlet filter's {@code site-chrome.prefix} and the Spring
     * Boot starter's {@code chrome.prefix} share.
     */
    public static final String DEFAULT_ENDPOINTS = "/chrome/";

    final String locale;
    final Visitor visitor;
    final String path;
    final String country;
    final ConsentState consent;
    final boolean gpc;
    final String nonce;
    final String endpoints;
    final boolean consentSaved;
    final Set<String> dismissedBanners;

    private ChromeRequest(Builder b) {
        locale = b.locale;
        visitor = b.visitor;
        path = b.path;
        country = b.country;
        consent = b.consent;
        gpc = b.gpc;
        nonce = b.nonce;
        endpoints = b.endpoints;
        consentSaved = b.consentSaved;
        dismissedBanners = Set.copyOf(b.dismissedBanners);
    }

    /**
     * Starts a request: a signed-out visitor on {@code /} in the default locale, with no recorded
     * consent, endpoints under {@code /chrome/}, until the builder says otherwise.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A signed-out visitor on {@code /} in the default locale.
     *
     * @return the request {@code builder().build()} gives
     */
    public static ChromeRequest anonymous() {
        return builder().build();
    }

    /**
     * The locale tag asked for.
     *
     * @return the tag as given, or null for the site's default locale
     */
    public String locale() {
        return locale;
    }

    /**
     * The signed-in visitor.
     *
     * @return the visitor, or null for a signed-out one
     */
    public Visitor visitor() {
        return visitor;
    }

    /**
     * The current path, with its query if any, as given (it is checked when rendered).
     *
     * @return the path; {@code /} unless set
     */
    public String path() {
        return path;
    }

    /**
     * The visitor's country, for banner and link targeting and the consent mode.
     *
     * @return the ISO 3166 alpha-2 code as given, or null when unknown
     */
    public String country() {
        return country;
    }

    /**
     * The visitor's recorded cookie choice.
     *
     * @return the choice, or {@link ConsentState#NONE} when there is none
     */
    public ConsentState consent() {
        return consent;
    }

    /**
     * Whether the browser sent the Global Privacy Control signal.
     *
     * @return true when it did
     */
    public boolean gpc() {
        return gpc;
    }

    /**
     * The CSP nonce for this response.
     *
     * @return the nonce put on the chrome's script tags, or null for none
     */
    public String nonce() {
        return nonce;
    }

    /**
     * Where the chrome's endpoints and assets are served.
     *
     * @return a path ending in {@code /}, such as {@code /chrome/} (the default), or {@code ./} for a static export
     */
    public String endpoints() {
        return endpoints;
    }

    /** @return whether the "preferences saved" confirmation shows, as after a consent form was posted */
    public boolean consentSaved() {
        return consentSaved;
    }

    /** @return the ids of the banners the visitor dismissed */
    public Set<String> dismissedBanners() {
        return dismissedBanners;
    }

    /** Builds a {@link ChromeRequest}; every setting is optional. */
    public static final class Builder {
        private String locale;
        private Visitor visitor;
        private String path = "/";
        private String country;
        private ConsentState consent = ConsentState.NONE;
        private boolean gpc;
        private String nonce;
        private String endpoints = DEFAULT_ENDPOINTS;
        private boolean consentSaved;
        private Set<String> dismissedBanners = Set.of();

        private Builder() {
        }

        /**
         * The locale the visitor asked for (from the URL, a cookie or Accept-Language).
         *
         * @param tag a BCP 47 language tag; the nearest site locale is used, or the default when none
         *            is near or the tag is null
         * @return this builder
         */
        public Builder locale(String tag) {
            this.locale = tag;
            return this;
        }

        /**
         * The signed-in visitor, whose name and unread count the account menu and chat link show.
         *
         * @param visitor the visitor, or null for a signed-out one
         * @return this builder
         */
        public Builder visitor(Visitor visitor) {
            this.visitor = visitor;
            return this;
        }

        /**
         * The current page's path, which marks the current nav item and is where sign-in returns to.
         *
         * @param path the path with its query, if any, such as {@code /legal?tab=2}; one that is not a
         *             plain path on this site is replaced by {@code /}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * The visitor's country, for banner and link targeting and the consent mode.
         *
         * @param country an ISO 3166 alpha-2 code, such as {@code US}, or null when unknown
         * @return this builder
         */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /**
         * The visitor's recorded cookie choice, as decoded from their consent cookie.
         *
         * @param consent the choice, or null (taken as {@link ConsentState#NONE}) for none
         * @return this builder
         */
        public Builder consent(ConsentState consent) {
            this.consent = consent == null ? ConsentState.NONE : consent;
            return this;
        }

        /**
         * Whether the browser sent the Global Privacy Control signal ({@code Sec-GPC: 1}).
         *
         * @param gpc true when it did
         * @return this builder
         */
        public Builder gpc(boolean gpc) {
            this.gpc = gpc;
            return this;
        }

        /**
         * The CSP nonce for this response, put on the chrome's script tags.
         *
         * @param nonce the nonce, or null when the page uses none
         * @return this builder
         */
        public Builder nonce(String nonce) {
            this.nonce = nonce;
            return this;
        }

        /**
         * Where the chrome's endpoints and assets are served, such as {@code /app/chrome/}, or
         * relative to the page ({@code ./}) for a static export.
         *
         * @param endpoints a path ending in {@code /}; {@code /chrome/} unless set
         * @return this builder
         */
        public Builder endpoints(String endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        /**
         * Whether to show the "preferences saved" confirmation, as after a consent form was posted.
         *
         * @param consentSaved true to show it
         * @return this builder
         */
        public Builder consentSaved(boolean consentSaved) {
            this.consentSaved = consentSaved;
            return this;
        }

        /**
         * The banners this visitor dismissed, which are not shown again.
         *
         * @param ids the dismissed banners' ids, or null for none
         * @return this builder
         */
        public Builder dismissedBanners(Set<String> ids) {
            this.dismissedBanners = ids == null ? Set.of() : ids;
            return this;
        }

        /**
         * The request with the values set so far.
         *
         * @return a new, immutable request
         */
        public ChromeRequest build() {
            return new ChromeRequest(this);
        }
    }
}
