package io.sitechrome.internal.render;

/**
 * Marks around a text shown in another language than the page's (a label that falls back to
 * English on a Hebrew page), turned into {@code <span lang="en" dir="ltr">...</span>} once the
 * template has rendered. Inside a tag (an attribute value such as {@code aria-label}) a span
 * cannot go, and the marks are dropped. Marks are private-use characters after
 * {@link Slot#START}, which escaping leaves alone and designers' texts cannot forge (see
 * {@link Slot#literal}).
 */
final class LanguageMarks {

    private static final char OPEN_LTR = '\uE0F0';
    private static final char OPEN_RTL = '\uE0F1';
    private static final char END_OF_TAG = '\uE0F2';
    private static final char CLOSE = '\uE0F3';

    private LanguageMarks() {
    }

    /**
     * {@code text} marked as being in {@code tag}.
     *
     * @param text        the (literal-protected) text
     * @param tag         its language tag: letters, digits and hyphens
     * @param rightToLeft whether that language is written right to left
     * @return the marked text
     */
    static String wrap(String text, String tag, boolean rightToLeft) {
        return "" + Slot.START + (rightToLeft ? OPEN_RTL : OPEN_LTR) + tag + Slot.START + END_OF_TAG + text + Slot.START + CLOSE;
    }

    /** {@code rendered} HTML with every mark turned into a span, or dropped inside a tag. */
    static String resolve(String rendered) {
        return resolve(rendered, true);
    }

    /** {@code text} without its marks, for plain text (a JSON answer). */
    static String strip(String text) {
        return resolve(text, false);
    }

    private static String resolve(String rendered, boolean html) {
        if (rendered.indexOf(Slot.START) < 0) return rendered;
        StringBuilder out = new StringBuilder(rendered.length() + 64);
        boolean inTag = !html;
        for (int i = 0; i < rendered.length(); i++) {
            char c = rendered.charAt(i);
            char next = i + 1 < rendered.length() ? rendered.charAt(i + 1) : 0;
            if (html && c == '<') inTag = true;
            else if (html && c == '>') inTag = false;
            if (c != Slot.START || (next != OPEN_LTR && next != OPEN_RTL && next != CLOSE)) {
                out.append(c);
                if (c == Slot.START && Slot.isLiteral(next)) out.append(rendered.charAt(++i));
                continue;
            }
            if (next == CLOSE) {
                if (!inTag) out.append("</span>");
                i++;
                continue;
            }
            int end = rendered.indexOf("" + Slot.START + END_OF_TAG, i + 2);
            if (!inTag) {
                out.append("<span lang=\"").append(rendered, i + 2, end).append("\" dir=\"").append(next == OPEN_RTL ? "rtl" : "ltr").append("\">");
            }
            i = end + 1;
        }
        return out.toString();
    }
}
