package io.sitechrome.internal.render;

import io.sitechrome.model.SiteLocale;
import io.sitechrome.render.Chrome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which texts each locale shows in another language, gathered as variants render. Every locale
 * is rendered in every state family at load, so after a {@link Chrome} is built this holds every
 * text that falls back.
 */
final class LanguageFallbacks {

    /** Per locale index: the texts (a designer's text, or {@code message:KEY}) and the tag each is shown in. */
    private final Map<Integer, Map<Object, String>> byLocale = new ConcurrentHashMap<>();

    void record(int locale, Object text, String shownIn) {
        byLocale.computeIfAbsent(locale, l -> new ConcurrentHashMap<>()).putIfAbsent(text, shownIn);
    }

    /**
     * One line per locale with texts in another language, in the order of {@code site.locales}:
     * {@code he: 24 texts fall back to en}.
     */
    List<String> summary(List<SiteLocale> locales) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < locales.size(); i++) {
            Map<Object, String> texts = byLocale.get(i);
            if (texts == null || texts.isEmpty()) continue;
            Map<String, Integer> byTag = new TreeMap<>();
            texts.values().forEach(tag -> byTag.merge(tag, 1, Integer::sum));
            Set<String> parts = new TreeSet<>();
            byTag.forEach((tag, count) -> parts.add(count + " to " + tag));
            lines.add(locales.get(i).tag() + ": " + texts.size() + (texts.size() == 1 ? " text falls" : " texts fall") + " back"
                    + (byTag.size() == 1 ? " to " + byTag.keySet().iterator().next() : " (" + String.join(", ", parts) + ")"));
        }
        return lines;
    }
}
