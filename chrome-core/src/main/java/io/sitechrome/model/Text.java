package io.sitechrome.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text a designer wrote: either one string for every language, or one string per
 * locale tag. {@link #in(List)} picks the best string for a chain of tags.
 */
public final class Text {

    private final Map<String, String> byTag;

    private Text(Map<String, String> byTag) {
        this.byTag = byTag;
    }

    /**
     * The same string in every language.
     *
     * @param text the string
     * @return a text that gives {@code text} for every chain of tags
     */
    public static Text of(String text) {
        return new Text(Collections.singletonMap("", text));
    }

    /**
     * One string per locale tag, in the order given.
     *
     * @param byTag the string for each locale tag; the first is the fallback for tags it lacks
     * @return a text holding a copy of {@code byTag}
     * @throws IllegalArgumentException when {@code byTag} is empty
     */
    public static Text of(Map<String, String> byTag) {
        if (byTag.isEmpty()) throw new IllegalArgumentException("a text needs at least one translation");
        return new Text(Collections.unmodifiableMap(new LinkedHashMap<>(byTag)));
    }

    /**
     * The locale tags this text names.
     *
     * @return the tags in the order given, or none when it is one string for all
     */
    public List<String> tags() {
        return byTag.containsKey("") ? List.of() : List.copyOf(byTag.keySet());
    }

    /**
     * The string for the first tag of {@code chain} that has one (tags compared without
     * regard to case), or else the first string given.
     *
     * @param chain the tags to try, most specific first
     * @return the string for every language when there is one, else the best match as above
     */
    public String in(List<String> chain) {
        String shared = byTag.get("");
        if (shared != null) return shared;
        for (String tag : chain) {
            for (Map.Entry<String, String> entry : byTag.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(tag)) return entry.getValue();
            }
        }
        return byTag.values().iterator().next();
    }

    /**
     * The locale tag of the string {@link #in(List)} picks for {@code chain}, as the designer wrote
     * it (such as {@code en}), or null when the text is one string for every language.
     *
     * @param chain the tags to try, most specific first
     * @return the tag whose string is used, or null
     */
    public String sourceTag(List<String> chain) {
        if (byTag.containsKey("")) return null;
        for (String tag : chain) {
            for (String key : byTag.keySet()) {
                if (key.equalsIgnoreCase(tag)) return key;
            }
        }
        return byTag.keySet().iterator().next();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Text text && text.byTag.equals(byTag);
    }

    @Override
    public int hashCode() {
        return byTag.hashCode();
    }

    @Override
    public String toString() {
        return byTag.containsKey("") ? byTag.get("") : byTag.toString();
    }
}
