package io.sitechrome.internal.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rendered output split at its slots: static text, then a slot, then static text, and so
 * on. Writing it is copying strings.
 */
final class Segments {

    private final String[] texts;
    private final Slot[] slots;
    private final long utf8Length;
    private final long chars;

    private Segments(String[] texts, Slot[] slots) {
        this.texts = texts;
        this.slots = slots;
        long utf8 = 0;
        long length = 0;
        for (String text : texts) {
            long bytes = Utf8.length(text);
            utf8 = bytes < 0 || utf8 < 0 ? -1 : utf8 + bytes;
            length += text.length();
        }
        this.utf8Length = utf8;
        this.chars = length;
    }

    /** Splits {@code rendered} at its slot markers. */
    static Segments of(String rendered) {
        List<String> texts = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int start = 0;
        for (int i = rendered.indexOf(Slot.START); i >= 0 && i + 1 < rendered.length(); i = rendered.indexOf(Slot.START, i + 1)) {
            char id = rendered.charAt(i + 1);
            if (Slot.isLiteral(id)) {
                text.append(rendered, start, i + 1);
                i++;
                start = i + 1;
                continue;
            }
            Slot slot = Slot.byId(id);
            if (slot == null) continue;
            texts.add(text.append(rendered, start, i).toString());
            text.setLength(0);
            slots.add(slot);
            start = i + 2;
        }
        texts.add(text.append(rendered, start, rendered.length()).toString());
        return new Segments(texts.toArray(String[]::new), slots.toArray(Slot[]::new));
    }

    /** How many characters of static text this holds. */
    long chars() {
        return chars;
    }

    /** Writes the output with each slot replaced by its (escaped) value. */
    void writeTo(Appendable out, SlotValues values) throws IOException {
        out.append(texts[0]);
        for (int i = 0; i < slots.length; i++) {
            out.append(values.get(slots[i]));
            out.append(texts[i + 1]);
        }
    }

    /** How many bytes {@link #writeTo} writes in UTF-8, or -1 when some text has an unpaired surrogate. */
    long utf8Length(SlotValues values) {
        long total = utf8Length;
        for (int i = 0; i < slots.length && total >= 0; i++) {
            long bytes = Utf8.length(values.get(slots[i]));
            total = bytes < 0 ? -1 : total + bytes;
        }
        return total;
    }
}
