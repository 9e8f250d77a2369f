package io.sitechrome.internal.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rendered output split at its slots: static text, then a slot, then static text, and so
 * on. Writing it is copying strings, or, to an {@link EncodedAppendable}, the texts' UTF-8
 * bytes, encoded once here.
 */
final class Segments {

    private final String[] texts;
    /** Each text in UTF-8; null for one with an unpaired surrogate, which the output encodes as it does any text. */
    private final byte[][] encoded;
    private final Slot[] slots;
    private final long utf8Length;
    private final long chars;

    private Segments(String[] texts, Slot[] slots) {
        this.texts = texts;
        this.slots = slots;
        this.encoded = new byte[texts.length][];
        long utf8 = 0;
        long length = 0;
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i];
            long bytes = Utf8.length(text);
            if (bytes >= 0) encoded[i] = text.getBytes(StandardCharsets.UTF_8);
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
        EncodedAppendable bytes = out instanceof EncodedAppendable encodedOut ? encodedOut : null;
        writeText(0, out, bytes);
        for (int i = 0; i < slots.length; i++) {
            out.append(values.get(slots[i]));
            writeText(i + 1, out, bytes);
        }
    }

    private void writeText(int i, Appendable out, EncodedAppendable bytes) throws IOException {
        if (bytes != null && encoded[i] != null) {
            bytes.appendEncoded(texts[i], encoded[i]);
        } else {
            out.append(texts[i]);
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
