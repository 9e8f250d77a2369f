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

    public static Builder builder() {
        return new Builder();
    }

    /** A signed-out visitor on {@code /} in the default locale. */
    public static ChromeRequest anonymous() {
        return builder().build();
    }

    public String locale() {
        return locale;
    }

    public Visitor visitor() {
        return visitor;
    }

    public String path() {
        return path;
    }

    public String country() {
        return country;
    }

    public ConsentState consent() {
        return consent;
    }

    public boolean gpc() {
        return gpc;
    }

    public String nonce() {
        return nonce;
    }

    public String endpoints() {
        return endpoints;
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

        /** A locale tag; the nearest site locale is used, or the default. */
        public Builder locale(String tag) {
            this.locale = tag;
            return this;
        }

        /** The signed-in visitor, or null for nobody. */
        public Builder visitor(Visitor visitor) {
            this.visitor = visitor;
            return this;
        }

        /** The current path (with its query, if any): marks the current nav item and is the return URL. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** The visitor's country, ISO 3166 alpha-2, for banner and link targeting. */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        public Builder consent(ConsentState consent) {
            this.consent = consent == null ? ConsentState.NONE : consent;
            return this;
        }

        /** Whether the browser sent the Global Privacy Control signal. */
        public Builder gpc(boolean gpc) {
            this.gpc = gpc;
            return this;
        }

        /** The CSP nonce for this response, put on the chrome's script tags. */
        public Builder nonce(String nonce) {
            this.nonce = nonce;
            return this;
        }

        /**
         * Where the chrome's endpoints and assets are served, such as {@code /app/chrome/}, or
         * relative to the page ({@code ./}) for a static export.
         */
        public Builder endpoints(String endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        /** Shows the "preferences saved" confirmation (after a consent form was posted). */
        public Builder consentSaved(boolean consentSaved) {
            this.consentSaved = consentSaved;
            return this;
        }

        /** Ids of banners this visitor dismissed. */
        public Builder dismissedBanners(Set<String> ids) {
            this.dismissedBanners = ids == null ? Set.of() : ids;
            return this;
        }

        public ChromeRequest build() {
            return new ChromeRequest(this);
        }
    }
}
