package io.sitechrome.consent;

import io.sitechrome.model.CookieSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
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
    private static final long SECONDS_PER_DAY = 24 * 60 * 60;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final CookieSettings settings;
    private final byte[] key;
    private final Mac signer;
    private final Set<String> knownCategories;
    final VerifiedValues verified = new VerifiedValues();

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
        Set<String> ids = new HashSet<>();
        for (CookieSettings.Category category : settings.categories()) ids.add(category.id());
        this.knownCategories = Set.copyOf(ids);
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
     * The state a cookie value stands for, at {@code now}; never throws. A value whose signature
     * has been verified before is found in a small cache and not verified again; its revision and
     * age are checked against {@code now} on every call.
     *
     * <p>A value is a choice only when it is well formed, correctly signed, of the current revision
     * and within its lifetime at {@code now}.
     *
     * @param value the consent cookie's value as the browser sent it, or null when it sent none
     * @param now   the current time, against which the choice's lifetime is checked
     * @return the recorded choice, or {@link ConsentState#NONE} when the value is missing, malformed,
     *         badly signed, expired, dated in the future or of another revision
     */
    public ConsentState decode(String value, Instant now) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) return ConsentState.NONE;
        ConsentState state = verified.get(value);
        if (state == null) {
            state = verify(value);
            if (state == null) return ConsentState.NONE;
            verified.put(value, state);
        }
        return counts(state, now) ? state : ConsentState.NONE;
    }

    /** Whether a verified choice counts at {@code now}: of the current revision, not expired, not from the future. */
    private boolean counts(ConsentState state, Instant now) {
        long time = state.time().getEpochSecond();
        long nowSeconds = now.getEpochSecond();
        long expiry = time + settings.lifetimeDays() * SECONDS_PER_DAY;
        boolean expired = expiry < nowSeconds || expiry == nowSeconds && now.getNano() > 0;
        boolean fromTheFuture = time > nowSeconds + SECONDS_PER_DAY;
        return state.revision() == settings.revision() && !expired && !fromTheFuture;
    }

    /**
     * The choice {@code value} records, its categories limited to the site's, when it is well formed
     * and signed with this cookie's key; null otherwise. Neither its revision nor its age is checked.
     */
    private ConsentState verify(String value) {
        int revisionStart = VERSION.length() + 1;
        if (!value.startsWith(VERSION + ".")) return null;
        int timeStart = value.indexOf('.', revisionStart) + 1;
        int idStart = timeStart == 0 ? 0 : value.indexOf('.', timeStart) + 1;
        int categoriesStart = idStart == 0 ? 0 : value.indexOf('.', idStart) + 1;
        int signatureStart = categoriesStart == 0 ? 0 : value.indexOf('.', categoriesStart) + 1;
        if (signatureStart == 0 || value.indexOf('.', signatureStart) >= 0) return null;
        if (!digits(value, revisionStart, timeStart - 1, 9) || !digits(value, timeStart, idStart - 1, 12)
                || !idCharacters(value, idStart, categoriesStart - 1)) {
            return null;
        }
        String payload = value.substring(0, signatureStart - 1);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, value.substring(signatureStart).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        Set<String> accepted = new LinkedHashSet<>();
        String categories = value.substring(categoriesStart, signatureStart - 1);
        for (int from = 0; from < categories.length(); ) {
            int end = categories.indexOf('~', from);
            if (end < 0) end = categories.length();
            String id = categories.substring(from, end);
            if (knownCategories.contains(id)) accepted.add(id);
            from = end + 1;
        }
        return new ConsentState(accepted, Integer.parseInt(value, revisionStart, timeStart - 1, 10),
            Instant.ofEpochSecond(Long.parseLong(value, timeStart, idStart - 1, 10)), value.substring(idStart, categoriesStart - 1));
    }

    /** Whether {@code value[from, to)} is 1 to {@code max} ASCII digits. */
    private static boolean digits(String value, int from, int to, int max) {
        if (to <= from || to - from > max) return false;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** Whether {@code value[from, to)} is an id: {@value #ID_LENGTH} characters of URL-safe Base64. */
    private static boolean idCharacters(String value, int from, int to) {
        if (to - from != ID_LENGTH) return false;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            if (!allowed) return false;
        }
        return true;
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

    /**
     * The choices of recently verified cookie values, so that a visitor's signature is checked once
     * rather than on every page. A fixed number of slots, each holding the last value whose hash
     * falls in it: values an attacker chooses can only replace one another, never grow it. Entries
     * are immutable, so a slot read on one thread while another writes it sees a whole entry or the
     * one before.
     */
    static final class VerifiedValues {

        /** How many values are kept at most. */
        static final int SLOTS = 512;

        private record Entry(String value, ConsentState state) {
        }

        private final Entry[] slots = new Entry[SLOTS];

        /** The verified choice {@code value} stands for, or null when it is not in the cache. */
        ConsentState get(String value) {
            Entry entry = slots[slot(value)];
            return entry != null && entry.value().equals(value) ? entry.state() : null;
        }

        void put(String value, ConsentState state) {
            slots[slot(value)] = new Entry(value, state);
        }

        /** How many values are kept now. */
        int size() {
            int size = 0;
            for (Entry entry : slots) {
                if (entry != null) size++;
            }
            return size;
        }

        private static int slot(String value) {
            int hash = value.hashCode();
            return (hash ^ hash >>> 16) & (SLOTS - 1);
        }
    }
}
