package io.sitechrome.render;

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
    private final int length;

    private Segments(String[] texts, Slot[] slots) {
        this.texts = texts;
        this.slots = slots;
        int total = 0;
        for (String text : texts) total += text.length();
        this.length = total;
    }

    /** Splits {@code rendered} at its slot markers. */
    static Segments of(String rendered) {
        List<String> texts = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int start = 0;
        for (int i = rendered.indexOf(Slot.START); i >= 0 && i + 1 < rendered.length(); i = rendered.indexOf(Slot.START, i + 1)) {
            Slot slot = Slot.byId(rendered.charAt(i + 1));
            if (slot == null) continue;
            texts.add(rendered.substring(start, i));
            slots.add(slot);
            start = i + 2;
        }
        texts.add(rendered.substring(start));
        return new Segments(texts.toArray(String[]::new), slots.toArray(Slot[]::new));
    }

    /** Writes the output with each slot replaced by {@code values[slot.ordinal()]} (already escaped). */
    void writeTo(Appendable out, String[] values) throws IOException {
        out.append(texts[0]);
        for (int i = 0; i < slots.length; i++) {
            out.append(values[slots[i].ordinal()]);
            out.append(texts[i + 1]);
        }
    }

    /** The length of the static text, a hint for buffer sizes. */
    int staticLength() {
        return length;
    }
}
