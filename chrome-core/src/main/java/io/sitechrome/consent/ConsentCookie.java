package io.sitechrome.consent;

import io.sitechrome.model.CookieSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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

    static final int MAX_LENGTH = 1024;
    private static final String VERSION = "1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,12}");
    private static final Pattern REVISION = Pattern.compile("[0-9]{1,9}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final CookieSettings settings;
    private final byte[] key;
    private final Mac signer;

    /**
     * @param secret the signing key: the configuration's {@code cookies.secret}, else the
     *               {@code CHROME_CONSENT_SECRET} environment variable, else one derived
     *               from the cookie settings (which only stops accidental edits)
     */
    public ConsentCookie(CookieSettings settings, String secret) {
        this.settings = settings;
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.signer = newMac();
    }

    /** The key a site uses when it configured none. */
    public static String defaultSecret(CookieSettings settings) {
        if (settings.secret() != null) return settings.secret();
        String fromEnvironment = System.getenv("CHROME_CONSENT_SECRET");
        if (fromEnvironment != null && fromEnvironment.length() >= 16) return fromEnvironment;
        return "site-chrome:" + settings.cookieName() + ":" + settings.categories();
    }

    /** A fresh choice of {@code accepted} (required categories always included), now. */
    public ConsentState newChoice(Set<String> accepted, Instant now) {
        Set<String> known = new LinkedHashSet<>();
        for (CookieSettings.Category category : settings.categories()) {
            if (category.required() || accepted.contains(category.id())) known.add(category.id());
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return new ConsentState(known, settings.revision(), Instant.ofEpochSecond(now.getEpochSecond()), BASE64.encodeToString(id));
    }

    public String encode(ConsentState state) {
        String payload = VERSION + "." + state.revision() + "." + state.time().getEpochSecond() + "." + state.id() + "."
                + String.join("~", state.accepted());
        return payload + "." + sign(payload);
    }

    /** The state a cookie value stands for, at {@code now}; never throws. */
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
        return BASE64.encodeToString(signature).substring(0, 22);
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
