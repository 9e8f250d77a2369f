package io.sitechrome.internal.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One value of a configuration document in the JSON data model: nothing, true or false, a
 * number, text, a list or a mapping (keys in file order). The schema checks and the binder read
 * the document through it. Accessors are lenient, so the binder can walk a tree the schema
 * refused: {@link #path} of an absent key gives the {@linkplain #MISSING missing} node, whose
 * text is empty and whose size is 0. Instances are immutable.
 */
final class ConfigNode implements Iterable<ConfigNode> {

    /** What kind of JSON value a node is. */
    enum Kind {
        /** No value: an absent key or index. */
        MISSING,
        /** YAML's null. */
        NULL,
        /** True or false. */
        BOOLEAN,
        /** An integer or a floating-point number. */
        NUMBER,
        /** A string. */
        TEXT,
        /** A list (YAML sequence). */
        ARRAY,
        /** A mapping, keys in file order. */
        OBJECT
    }

    /** The value of an absent key or index. */
    static final ConfigNode MISSING = new ConfigNode(Kind.MISSING, null);
    /** YAML's null ({@code ~}, {@code null} or nothing at all). */
    static final ConfigNode NULL = new ConfigNode(Kind.NULL, null);
    private static final ConfigNode TRUE = new ConfigNode(Kind.BOOLEAN, Boolean.TRUE);
    private static final ConfigNode FALSE = new ConfigNode(Kind.BOOLEAN, Boolean.FALSE);

    private final Kind kind;
    /** A Boolean, a Long, BigInteger or Double, a String, a List of nodes or a Map of nodes. */
    private final Object value;

    private ConfigNode(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * A boolean.
     *
     * @param value the boolean
     * @return the shared node for {@code true} or {@code false}
     */
    static ConfigNode bool(boolean value) {
        return value ? TRUE : FALSE;
    }

    /**
     * A number.
     *
     * @param value a Long, BigInteger or Double; not null
     * @return the number's node
     */
    static ConfigNode number(Number value) {
        return new ConfigNode(Kind.NUMBER, Objects.requireNonNull(value));
    }

    /**
     * A string.
     *
     * @param value the text; not null
     * @return the text's node
     */
    static ConfigNode text(String value) {
        return new ConfigNode(Kind.TEXT, Objects.requireNonNull(value));
    }

    /**
     * A list.
     *
     * @param items the items, in order; copied
     * @return the list's node
     */
    static ConfigNode array(List<ConfigNode> items) {
        return new ConfigNode(Kind.ARRAY, List.copyOf(items));
    }

    /**
     * A mapping keeping the order of {@code fields}.
     *
     * @param fields the values by key, in file order; copied
     * @return the mapping's node
     */
    static ConfigNode object(Map<String, ConfigNode> fields) {
        return new ConfigNode(Kind.OBJECT, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
    }

    /**
     * What kind of value this is.
     *
     * @return the node's kind
     */
    Kind kind() {
        return kind;
    }

    /**
     * Whether this stands for an absent key or index.
     *
     * @return true for {@link #MISSING}
     */
    boolean isMissingNode() {
        return kind == Kind.MISSING;
    }

    /**
     * Whether this is YAML's null.
     *
     * @return true for {@link #NULL}
     */
    boolean isNull() {
        return kind == Kind.NULL;
    }

    /**
     * Whether this is true or false.
     *
     * @return true for a boolean
     */
    boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    /**
     * Whether this is a number (whole or not).
     *
     * @return true for a number
     */
    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /**
     * Whether this is a whole number, including one written with a zero fraction such as {@code 2.0}.
     *
     * @return true for a whole number; false for anything that is not a number
     */
    boolean isIntegral() {
        if (value instanceof Long || value instanceof BigInteger) return true;
        return value instanceof Double d && !d.isInfinite() && d == Math.rint(d);
    }

    /**
     * Whether this is a string.
     *
     * @return true for text
     */
    boolean isTextual() {
        return kind == Kind.TEXT;
    }

    /**
     * Whether this is a list.
     *
     * @return true for a list
     */
    boolean isArray() {
        return kind == Kind.ARRAY;
    }

    /**
     * Whether this is a mapping.
     *
     * @return true for a mapping
     */
    boolean isObject() {
        return kind == Kind.OBJECT;
    }

    /**
     * Whether this is a mapping with a given key.
     *
     * @param key the key
     * @return true when this is a mapping that has {@code key}, even with a null value
     */
    boolean has(String key) {
        return kind == Kind.OBJECT && fieldMap().containsKey(key);
    }

    /**
     * The value of a key in a mapping.
     *
     * @param key the key
     * @return its value, or null when this is not a mapping or has no such key
     */
    ConfigNode get(String key) {
        return kind == Kind.OBJECT ? fieldMap().get(key) : null;
    }

    /**
     * An item of a list.
     *
     * @param index the 0-based index
     * @return the item, or null when this is not a list or the index is out of range
     */
    ConfigNode get(int index) {
        if (kind != Kind.ARRAY) return null;
        List<ConfigNode> items = items();
        return index >= 0 && index < items.size() ? items.get(index) : null;
    }

    /**
     * The value of a key in a mapping, never null.
     *
     * @param key the key
     * @return its value, or {@link #MISSING} when this is not a mapping or has no such key
     */
    ConfigNode path(String key) {
        ConfigNode found = get(key);
        return found == null ? MISSING : found;
    }

    /**
     * The size of a list or mapping.
     *
     * @return the number of items of a list or keys of a mapping; 0 for anything else
     */
    int size() {
        return switch (kind) {
            case ARRAY -> items().size();
            case OBJECT -> fieldMap().size();
            default -> 0;
        };
    }

    /**
     * The value as text.
     *
     * @return text as it is, numbers and booleans as written by Java, "null" for null, and "" for the rest
     */
    String asText() {
        return switch (kind) {
            case TEXT, BOOLEAN, NUMBER -> value.toString();
            case NULL -> "null";
            default -> "";
        };
    }

    /**
     * The value as text, with a fallback for no value.
     *
     * @param fallback what null and a missing value give
     * @return {@link #asText()}, or {@code fallback} for null and a missing value
     */
    String asText(String fallback) {
        return kind == Kind.NULL || kind == Kind.MISSING ? fallback : asText();
    }

    /**
     * The value as an int, with 0 as the fallback.
     *
     * @return {@link #asInt(int)} of 0
     */
    int asInt() {
        return asInt(0);
    }

    /**
     * The value as an int.
     *
     * @param fallback what values that are no int give
     * @return a number's int value, text that is a whole number, 1 or 0 for a boolean, else {@code fallback}
     */
    int asInt(int fallback) {
        return switch (kind) {
            case NUMBER -> ((Number) value).intValue();
            case BOOLEAN -> (Boolean) value ? 1 : 0;
            case TEXT -> {
                try {
                    yield Integer.parseInt(((String) value).trim());
                } catch (NumberFormatException e) {
                    yield fallback;
                }
            }
            default -> fallback;
        };
    }

    /**
     * The value as a boolean.
     *
     * @param fallback what values that are no boolean give
     * @return a boolean's value, text "true" or "false", whether a number is other than 0, else {@code fallback}
     */
    boolean asBoolean(boolean fallback) {
        return switch (kind) {
            case BOOLEAN -> (Boolean) value;
            case NUMBER -> ((Number) value).doubleValue() != 0;
            case TEXT -> {
                String text = ((String) value).trim();
                yield text.equals("true") ? true : text.equals("false") ? false : fallback;
            }
            default -> fallback;
        };
    }

    /**
     * A number's exact value; only for numbers.
     *
     * @return the number as a BigDecimal, without rounding
     */
    BigDecimal decimalValue() {
        if (value instanceof BigInteger big) return new BigDecimal(big);
        if (value instanceof Long l) return BigDecimal.valueOf(l);
        return BigDecimal.valueOf((Double) value);
    }

    /**
     * The entries of a mapping.
     *
     * @return the key-value pairs in file order; none for anything else
     */
    Iterator<Map.Entry<String, ConfigNode>> fields() {
        return kind == Kind.OBJECT ? fieldMap().entrySet().iterator() : Collections.emptyIterator();
    }

    /**
     * The keys of a mapping.
     *
     * @return the keys in file order; none for anything else
     */
    Iterator<String> fieldNames() {
        return kind == Kind.OBJECT ? fieldMap().keySet().iterator() : Collections.emptyIterator();
    }

    /**
     * The items of a list or the values of a mapping.
     *
     * @return the items or values in order; none for anything else
     */
    @Override
    public Iterator<ConfigNode> iterator() {
        return switch (kind) {
            case ARRAY -> items().iterator();
            case OBJECT -> fieldMap().values().iterator();
            default -> Collections.emptyIterator();
        };
    }

    /**
     * Equality in the JSON data model: numbers by value, mappings regardless of key order.
     *
     * @param other any object
     * @return true when {@code other} is a node of the same kind and value
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) return true;
        if (!(other instanceof ConfigNode node) || node.kind != kind) return false;
        if (kind == Kind.NUMBER) return decimalValue().compareTo(node.decimalValue()) == 0;
        return Objects.equals(value, node.value);
    }

    @Override
    public int hashCode() {
        if (kind == Kind.NUMBER) return decimalValue().stripTrailingZeros().hashCode();
        return Objects.hash(kind, value);
    }

    @Override
    public String toString() {
        return kind == Kind.TEXT ? "'" + value + "'" : kind == Kind.MISSING ? "(missing)" : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private List<ConfigNode> items() {
        return (List<ConfigNode>) value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, ConfigNode> fieldMap() {
        return (Map<String, ConfigNode>) value;
    }
}
