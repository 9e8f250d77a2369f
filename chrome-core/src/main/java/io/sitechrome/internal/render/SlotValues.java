package io.sitechrome.internal.render;

import org.owasp.encoder.Encode;

/**
 * The escaped values of one request's slots, from its validated inputs. Each is worked out
 * when first written, so a request pays only for the slots its components hold.
 */
final class SlotValues {

    /** The badge shows at most two digits; the accessible phrase ({@link Slot#UNREAD_TEXT}) keeps the real number. */
    private static final String[] COUNTS = new String[100];
    private static final String CAPPED_COUNT = "99+";
    private static final int SLOTS = Slot.values().length;

    static {
        for (int i = 0; i < COUNTS.length; i++) COUNTS[i] = Integer.toString(i);
    }

    private final RequestResolver resolver;
    private final int localeIndex;
    private final String name;
    private final int unread;
    private final boolean unreadShown;
    private final String avatar;
    private final String path;
    private final String nonce;
    private final String[] values = new String[SLOTS];

    /** {@code name}, {@code avatar} and {@code nonce} are null when there is none. */
    SlotValues(RequestResolver resolver, int localeIndex, String name, int unread, boolean unreadShown, String avatar,
               String path, String nonce) {
        this.resolver = resolver;
        this.localeIndex = localeIndex;
        this.name = name;
        this.unread = unread;
        this.unreadShown = unreadShown;
        this.avatar = avatar;
        this.path = path;
        this.nonce = nonce;
    }

    /** The value of {@code slot}, escaped for HTML text and quoted attributes. */
    String get(Slot slot) {
        String value = values[slot.ordinal()];
        if (value == null) {
            value = compute(slot);
            values[slot.ordinal()] = value;
        }
        return value;
    }

    private String compute(Slot slot) {
        return switch (slot) {
            case VISITOR_NAME -> name == null ? "" : Encode.forHtml(name);
            case UNREAD_COUNT -> unread < COUNTS.length ? COUNTS[unread] : CAPPED_COUNT;
            case UNREAD_TEXT -> unreadShown ? resolver.unreadHtml(localeIndex, unread) : "";
            case AVATAR_URL -> avatar == null ? "" : Encode.forHtml(avatar);
            case RETURN_PATH -> Encode.forHtml(path);
            case RETURN_PATH_PARAM -> QueryParam.encode(path);
            case RETURN_URL_PARAM -> QueryParam.encode(resolver.origin() + path);
            case NONCE -> nonce == null ? "" : Encode.forHtml(nonce);
        };
    }
}
