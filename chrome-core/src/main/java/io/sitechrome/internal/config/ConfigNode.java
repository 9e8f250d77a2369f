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
    enum Kind { MISSING, NULL, BOOLEAN, NUMBER, TEXT, ARRAY, OBJECT }

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

    static ConfigNode bool(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** A number: a Long, BigInteger or Double. */
    static ConfigNode number(Number value) {
        return new ConfigNode(Kind.NUMBER, Objects.requireNonNull(value));
    }

    static ConfigNode text(String value) {
        return new ConfigNode(Kind.TEXT, Objects.requireNonNull(value));
    }

    static ConfigNode array(List<ConfigNode> items) {
        return new ConfigNode(Kind.ARRAY, List.copyOf(items));
    }

    /** A mapping keeping the order of {@code fields}. */
    static ConfigNode object(Map<String, ConfigNode> fields) {
        return new ConfigNode(Kind.OBJECT, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
    }

    Kind kind() {
        return kind;
    }

    boolean isMissingNode() {
        return kind == Kind.MISSING;
    }

    boolean isNull() {
        return kind == Kind.NULL;
    }

    boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /** A whole number, including one written with a zero fraction such as {@code 2.0}. */
    boolean isIntegral() {
        if (value instanceof Long || value instanceof BigInteger) return true;
        return value instanceof Double d && !d.isInfinite() && d == Math.rint(d);
    }

    boolean isTextual() {
        return kind == Kind.TEXT;
    }

    boolean isArray() {
        return kind == Kind.ARRAY;
    }

    boolean isObject() {
        return kind == Kind.OBJECT;
    }

    /** Whether this is a mapping with the key {@code key}. */
    boolean has(String key) {
        return kind == Kind.OBJECT && fieldMap().containsKey(key);
    }

    /** The value of {@code key} in a mapping, or null. */
    ConfigNode get(String key) {
        return kind == Kind.OBJECT ? fieldMap().get(key) : null;
    }

    /** The item at {@code index} of a list, or null. */
    ConfigNode get(int index) {
        if (kind != Kind.ARRAY) return null;
        List<ConfigNode> items = items();
        return index >= 0 && index < items.size() ? items.get(index) : null;
    }

    /** The value of {@code key} in a mapping, or {@link #MISSING}. */
    ConfigNode path(String key) {
        ConfigNode found = get(key);
        return found == null ? MISSING : found;
    }

    /** The number of items of a list or keys of a mapping; 0 for anything else. */
    int size() {
        return switch (kind) {
            case ARRAY -> items().size();
            case OBJECT -> fieldMap().size();
            default -> 0;
        };
    }

    /** Text as it is, numbers and booleans as written by Java, "null" for null, and "" for the rest. */
    String asText() {
        return switch (kind) {
            case TEXT, BOOLEAN, NUMBER -> value.toString();
            case NULL -> "null";
            default -> "";
        };
    }

    /** {@link #asText()}, or {@code fallback} for null and a missing value. */
    String asText(String fallback) {
        return kind == Kind.NULL || kind == Kind.MISSING ? fallback : asText();
    }

    /** {@link #asInt(int)} with 0 as the fallback. */
    int asInt() {
        return asInt(0);
    }

    /** A number's int value, text that is a whole number, 1 or 0 for a boolean, else {@code fallback}. */
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

    /** A boolean's value, text "true" or "false", a number other than 0, else {@code fallback}. */
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

    /** A number's exact value. */
    BigDecimal decimalValue() {
        if (value instanceof BigInteger big) return new BigDecimal(big);
        if (value instanceof Long l) return BigDecimal.valueOf(l);
        return BigDecimal.valueOf((Double) value);
    }

    /** The entries of a mapping in file order; none for anything else. */
    Iterator<Map.Entry<String, ConfigNode>> fields() {
        return kind == Kind.OBJECT ? fieldMap().entrySet().iterator() : Collections.emptyIterator();
    }

    /** The keys of a mapping in file order; none for anything else. */
    Iterator<String> fieldNames() {
        return kind == Kind.OBJECT ? fieldMap().keySet().iterator() : Collections.emptyIterator();
    }

    /** The items of a list or the values of a mapping; none for anything else. */
    @Override
    public Iterator<ConfigNode> iterator() {
        return switch (kind) {
            case ARRAY -> items().iterator();
            case OBJECT -> fieldMap().values().iterator();
            default -> Collections.emptyIterator();
        };
    }

    /** Equality in the JSON data model: numbers by value, mappings regardless of key order. */
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
