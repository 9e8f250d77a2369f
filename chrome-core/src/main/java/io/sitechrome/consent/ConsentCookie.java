package io.sitechrome.consent;

import io.sitechrome.model.CookieSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The consent cookie's value: compact, versioned, URL-safe and signed.
 * {@code 1.REVISION.EPOCH_SECONDS.ID.CATEGORIES.SIGNATURE}, categories joined by
 * {@code ~}. Anything missing, expired, of an older revision, malformed or tampered with
 * decodes to {@link ConsentState#NONE}.
 */
public final class ConsentCookie {

    /** The environment variable that holds the signing secret when the configuration has none. */
    public static final String SECRET_VARIABLE = "CHROME_CONSENT_SECRET";
    /** The shortest secret that counts as one, as the configuration schema requires of {@code cookies.secret}. */
    static final int MIN_SECRET_LENGTH = 16;
    /** The most categories a configuration may have, and the longest category id (the schema's limits). */
    static final int MAX_CATEGORIES = 20;
    /** The longest category id, as the schema allows it. */
    static final int MAX_CATEGORY_ID = 64;
    private static final int ID_LENGTH = 22;
    private static final int SIGNATURE_LENGTH = 22;
    private static final String VERSION = "1";
    /**
     * The longest value {@link #decode} reads: every field at its longest, all categories accepted.
     * Together with the longest cookie name this stays well within the 4096 bytes a browser keeps.
     */
    static final int MAX_LENGTH = String.join(".", VERSION, "9".repeat(9), "9".repeat(12), "x".repeat(ID_LENGTH),
            String.join("~", Collections.nCopies(MAX_CATEGORIES, "x".repeat(MAX_CATEGORY_ID))), "x".repeat(SIGNATURE_LENGTH)).length();
    private static final System.Logger LOG = System.getLogger(ConsentCookie.class.getName());
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{" + ID_LENGTH + "}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,12}");
    private static final Pattern REVISION = Pattern.compile("[0-9]{1,9}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final CookieSettings settings;
    private final byte[] key;
    private final Mac signer;

    /**
     * A consent cookie signed with {@code secret}; most sites want {@link #forSite} instead.
     *
     * @param settings the site's cookie settings
     * @param secret   the signing key
     */
    public ConsentCookie(CookieSettings settings, String secret) {
        this.settings = settings;
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.signer = newMac();
    }

    /**
     * The consent cookie of a site, signed with its {@code cookies.secret}, else the
     * {@value #SECRET_VARIABLE} environment variable (16 characters or more), else a key derived
     * from the cookie name and the category ids. Logs a warning when there is no proper secret:
     * a derived key is no secret, it only keeps recorded choices valid across edits.
     *
     * @param settings the site's cookie settings
     * @param source   the configuration they came from, named in the warning
     * @return the codec for the site's consent cookie
     */
    public static ConsentCookie forSite(CookieSettings settings, String source) {
        return forSite(settings, source, System.getenv(SECRET_VARIABLE));
    }

    /**
     * As {@link #forSite(CookieSettings, String)}, with the environment variable's value given.
     *
     * @param settings          the site's cookie settings
     * @param source            the configuration they came from, named in the warning
     * @param environmentSecret the value of {@value #SECRET_VARIABLE}, or null when it is not set
     * @return the codec for the site's consent cookie
     */
    static ConsentCookie forSite(CookieSettings settings, String source, String environmentSecret) {
        SigningSecret secret = signingSecret(settings, environmentSecret);
        if (secret.warning() != null) LOG.log(System.Logger.Level.WARNING, source + ": " + secret.warning());
        return new ConsentCookie(settings, secret.value());
    }

    /**
     * The key that signs a site's consent cookie, and why it is weak (null when it is not).
     *
     * @param value   the key
     * @param warning what is wrong with it, never naming the secret itself; or null
     */
    record SigningSecret(String value, String warning) {
    }

    /**
     * The key that signs a site's consent cookie: {@code cookies.secret}, else the environment's secret
     * when it is long enough, else a key derived from the cookie's name and category ids.
     *
     * @param settings          the site's cookie settings
     * @param environmentSecret the value of {@value #SECRET_VARIABLE}, or null when it is not set
     * @return the key, with a warning unless it is a proper secret
     */
    static SigningSecret signingSecret(CookieSettings settings, String environmentSecret) {
        if (settings.secret() != null) return new SigningSecret(settings.secret(), null);
        if (environmentSecret != null && environmentSecret.length() >= MIN_SECRET_LENGTH) {
            return new SigningSecret(environmentSecret, null);
        }
        String problem = environmentSecret == null || environmentSecret.isEmpty()
                ? "No consent secret is set (cookies.secret or the " + SECRET_VARIABLE + " environment variable)"
                : SECRET_VARIABLE + " is shorter than " + MIN_SECRET_LENGTH + " characters, so it is not used";
        return new SigningSecret(derivedSecret(settings), problem + ": the consent cookie of " + settings.cookieName()
                + " is signed with a key derived from the cookie name and the category ids, which anyone can work out."
                + " Set a random secret of " + MIN_SECRET_LENGTH + " characters or more, the same on every instance.");
    }

    /** A key from the cookie's stable identity only: its name and the category ids, never texts. */
    private static String derivedSecret(CookieSettings settings) {
        StringBuilder key = new StringBuilder("site-chrome:").append(settings.cookieName());
        for (CookieSettings.Category category : settings.categories()) key.append(':').append(category.id());
        return key.toString();
    }

    /**
     * A fresh choice, made now under the settings' current revision, with a new random id.
     *
     * @param accepted the ids of the categories the visitor accepted; ids the settings do not
     *                 name are dropped, and required categories are always included
     * @param now      the time of the choice, kept to the second
     * @return the choice, its categories in the settings' order
     */
    public ConsentState newChoice(Set<String> accepted, Instant now) {
        Set<String> known = new LinkedHashSet<>();
        for (CookieSettings.Category category : settings.categories()) {
            if (category.required() || accepted.contains(category.id())) known.add(category.id());
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return new ConsentState(known, settings.revision(), Instant.ofEpochSecond(now.getEpochSecond()), BASE64.encodeToString(id));
    }

    /**
     * The cookie value for a choice: {@code 1.REVISION.EPOCH_SECONDS.ID.CATEGORIES.SIGNATURE}, signed with this
     * cookie's key, so that {@link #decode(String, Instant)} gives the same choice back.
     *
     * @param state a recorded choice, such as one from {@link #newChoice(Set, Instant)}
     * @return the URL-safe value to set the consent cookie to
     */
    public String encode(ConsentState state) {
        String payload = VERSION + "." + state.revision() + "." + state.time().getEpochSecond() + "." + state.id() + "."
                + String.join("~", state.accepted());
        return payload + "." + sign(payload);
    }

    /**
     * The choice a cookie value stands for, at {@code now}; never throws.
     *
     * @param value the consent cookie's value as the browser sent it, or null when it sent none
     * @param now   the current time, against which the choice's lifetime is checked
     * @return the recorded choice, or {@link ConsentState#NONE} when the value is missing, malformed,
     *         badly signed, expired, dated in the future or of another revision
     */
    public ConsentState decode(String value, Instant now) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) return ConsentState.NONE;
        String[] parts = value.split("\\.", -1);
        if (parts.length != 6 || !parts[0].equals(VERSION)) return ConsentState.NONE;
        if (!REVISION.matcher(parts[1]).matches() || !NUMBER.matcher(parts[2]).matches() || !ID.matcher(parts[3]).matches()) {
            return ConsentState.NONE;
        }
        String payload = value.substring(0, value.lastIndexOf('.'));
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[5].getBytes(StandardCharsets.US_ASCII))) {
            return ConsentState.NONE;
        }
        int revision = Integer.parseInt(parts[1]);
        Instant time = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        boolean expired = time.plus(Duration.ofDays(settings.lifetimeDays())).isBefore(now);
        boolean fromTheFuture = time.isAfter(now.plus(Duration.ofDays(1)));
        if (revision != settings.revision() || expired || fromTheFuture) return ConsentState.NONE;
        Set<String> accepted = new LinkedHashSet<>();
        for (String id : parts[4].isEmpty() ? new String[0] : parts[4].split("~")) {
            if (settings.categories().stream().anyMatch(c -> c.id().equals(id))) accepted.add(id);
        }
        return new ConsentState(accepted, revision, time, parts[3]);
    }

    private String sign(String payload) {
        byte[] signature = mac().doFinal(payload.getBytes(StandardCharsets.UTF_8));
        return BASE64.encodeToString(signature).substring(0, SIGNATURE_LENGTH);
    }

    /** A MAC keyed for this cookie: a copy of the one keyed at construction, which is cheaper than keying another. */
    private Mac mac() {
        try {
            return (Mac) signer.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
