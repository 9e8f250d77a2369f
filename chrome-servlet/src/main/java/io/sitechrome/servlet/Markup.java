package io.sitechrome.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What goes at one insertion point, written straight into the decorated page. */
interface Markup {

    void appendTo(Appendable page) throws IOException;

    /** How many bytes {@link #appendTo} appends once encoded as UTF-8, or -1 when unknown. */
    long utf8Length();

    /** About how many characters {@link #appendTo} appends, to size the decorated page. */
    default int sizeHint() {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE / 4, utf8Length()));
    }

    /** Whether it is known to append nothing. */
    default boolean isEmpty() {
        return false;
    }

    /** Fixed text, or null for null. */
    static Markup of(CharSequence text) {
        return text == null ? null : new Text(text);
    }

    record Text(CharSequence text) implements Markup {
        @Override
        public void appendTo(Appendable page) throws IOException {
            page.append(text);
        }

        @Override
        public long utf8Length() {
            return PageCodec.encodedLength(text, StandardCharsets.UTF_8);
        }

        @Override
        public int sizeHint() {
            return text.length();
        }

        @Override
        public boolean isEmpty() {
            return text.length() == 0;
        }
    }
}
