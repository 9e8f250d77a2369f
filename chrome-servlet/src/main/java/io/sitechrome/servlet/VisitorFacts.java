package io.sitechrome.servlet;

import io.sitechrome.consent.ConsentState;
import io.sitechrome.render.Chrome;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Locale;

/**
 * What one request says about its visitor, read from the request once and normalised the way
 * the renderer takes it: the recorded consent, the country (ISO 3166 alpha-2 in upper case, or
 * null for a missing or malformed header), the Global Privacy Control signal and whether a
 * consent choice was just saved. {@link ChromeContext} renders with these facts and answers
 * {@link ChromeContext#allows} from them, so the two never disagree.
 */
record VisitorFacts(ConsentState consent, String country, boolean gpc, boolean consentSaved) {

    /**
     * Reads the facts of a request once: its consent cookie, its country header, {@code Sec-GPC} and the
     * "consent saved" flash cookie.
     *
     * @param chrome   the chrome serving the request, whose consent cookie codec decodes the choice
     * @param settings the filter's settings, which name the country header
     * @param request  the request
     * @return the facts
     */
    static VisitorFacts read(Chrome chrome, ChromeSettings settings, HttpServletRequest request) {
        String consentCookie = chrome.consentCookie() == null ? null
            : ChromeContext.cookie(request, chrome.config().cookies().cookieName());
        ConsentState consent = chrome.consentCookie() == null ? ConsentState.NONE
            : chrome.consentCookie().decode(consentCookie, Instant.now());
        String country = settings.countryHeader == null ? null : country(request.getHeader(settings.countryHeader));
        boolean saved = ChromeContext.FLASH_CONSENT_SAVED.equals(ChromeContext.cookie(request, ChromeContext.FLASH_COOKIE));
        return new VisitorFacts(consent, country, gpc(request), saved);
    }

    /**
     * A country header's value as a country code.
     *
     * @param value the header's value, or null
     * @return an ISO 3166 alpha-2 code in upper case, or null for anything else
     */
    static String country(String value) {
        if (value == null) return null;
        String code = value.trim();
        if (code.length() != 2) return null;
        char a = code.charAt(0);
        char b = code.charAt(1);
        boolean letters = ((a >= 'A' && a <= 'Z') || (a >= 'a' && a <= 'z')) && ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z'));
        return letters ? code.toUpperCase(Locale.ROOT) : null;
    }

    /**
     * Whether the browser sent the Global Privacy Control signal.
     *
     * @param request the request
     * @return true when a {@code Sec-GPC} header is {@code 1}
     */
    static boolean gpc(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders("Sec-GPC");
        if (values == null) return false;
        while (values.hasMoreElements()) {
            String value = values.nextElement();
            if (value != null && "1".equals(value.trim())) return true;
        }
        return false;
    }
}
