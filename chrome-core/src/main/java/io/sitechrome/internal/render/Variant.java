package io.sitechrome.internal.render;

import io.sitechrome.render.Component;

/**
 * Everything that shapes a component's markup apart from its slots. Two requests with
 * equal variants get the same cached segments, so a component's variant holds only what
 * that component depends on.
 *
 * @param mask per component: shown banners, shown footer links (low 32 bits) and shown footer-placed
 *             banners (high 32 bits), or allowed consent categories
 */
record Variant(Component component, int locale, int flags, int navCurrent, long mask, int year, String endpoints) {

    static final int SIGNED_IN = 1;
    static final int HAS_AVATAR = 1 << 1;
    static final int HAS_UNREAD = 1 << 2;
    static final int CONSENT_RECORDED = 1 << 3;
    static final int CONSENT_SAVED = 1 << 4;
    static final int GPC_HONOURED = 1 << 5;
    static final int HAS_NONCE = 1 << 6;
    /** The browser sent Global Privacy Control, whether or not it changes what is allowed. */
    static final int GPC_SIGNAL = 1 << 7;

    /** Field by field, written out so that a variant made only to be compared costs no allocation once compiled. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Variant that && component == that.component && locale == that.locale && flags == that.flags
            && navCurrent == that.navCurrent && mask == that.mask && year == that.year && endpoints.equals(that.endpoints);
    }

    @Override
    public int hashCode() {
        int hash = component.hashCode();
        hash = 31 * hash + locale;
        hash = 31 * hash + flags;
        hash = 31 * hash + navCurrent;
        hash = 31 * hash + Long.hashCode(mask);
        hash = 31 * hash + year;
        return 31 * hash + endpoints.hashCode();
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Where the footer's variant keeps its banners in {@link #mask}: above its links. */
    static final int FOOTER_BANNERS_SHIFT = 32;

    boolean inMask(int index) {
        return (mask & (1L << index)) != 0;
    }
}
