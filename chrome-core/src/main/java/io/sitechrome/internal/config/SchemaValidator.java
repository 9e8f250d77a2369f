package io.sitechrome.internal.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link ConfigNode} tree against a JSON Schema (draft 2020-12) that is itself a
 * {@link ConfigNode} tree. It implements the assertion keywords a configuration schema needs:
 * {@code type enum const pattern minLength maxLength minimum maximum exclusiveMinimum
 * exclusiveMaximum multipleOf items prefixItems contains minItems maxItems uniqueItems properties
 * patternProperties additionalProperties propertyNames required dependentRequired minProperties
 * maxProperties allOf anyOf oneOf not if then else $ref $defs definitions}, with {@code $ref}
 * limited to pointers inside the same document. Annotations ({@code title}, {@code description}
 * and the like) are ignored; any other keyword is refused when the schema is read, so a schema
 * never silently asks for a check that is not made. Keywords are checked in the order the schema
 * lists them, and every failure is reported, none short-circuits.
 */
final class SchemaValidator {

    /**
     * One failed check.
     *
     * @param keyword the keyword that failed, such as {@code required}
     * @param path the designer's path of the value checked (see {@link ConfigPath})
     * @param schemaPointer the JSON pointer of the keyword in the schema, after following {@code $ref}s
     * @param value the value checked
     * @param property the key concerned, for {@code required}, {@code additionalProperties},
     *     {@code propertyNames} and {@code dependentRequired}; otherwise null
     * @param message a plain description of the failure
     */
    record Violation(String keyword, String path, String schemaPointer, ConfigNode value, String property, String message) {
    }

    /** Keywords not checked on their own: annotations, definitions, and the parts checked with if and contains. */
    private static final Set<String> PASSIVE = Set.of("$schema", "$id", "$anchor", "$comment", "$vocabulary", "title",
            "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "format", "contentMediaType",
            "contentEncoding", "markdownDescription", "$defs", "definitions", "then", "else", "minContains", "maxContains");
    private static final Set<String> ASSERTIONS = Set.of("$ref", "type", "enum", "const", "pattern", "minLength", "maxLength",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "items", "prefixItems", "contains",
            "minItems", "maxItems", "uniqueItems", "properties", "patternProperties", "additionalProperties", "propertyNames",
            "required", "dependentRequired", "minProperties", "maxProperties", "allOf", "anyOf", "oneOf", "not", "if");
    /** Keywords whose value is a mapping of names to schemas. */
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions");
    /** Keywords whose value is a list of schemas. */
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    /** Keywords whose value is one schema. */
    private static final Set<String> SCHEMAS = Set.of("items", "contains", "additionalProperties", "propertyNames", "not",
            "if", "then", "else");

    private final ConfigNode schema;
    private final Map<String, Pattern> patterns = new HashMap<>();

    /**
     * @param schema the schema document
     * @throws IllegalStateException if it uses a keyword this class does not implement, a
     *     {@code $ref} that does not resolve or a pattern that does not compile
     */
    SchemaValidator(ConfigNode schema) {
        this.schema = schema;
        prepare(schema, "");
    }

    /**
     * A node of the schema.
     *
     * @param pointer a JSON pointer such as {@code /$defs/url/pattern}; empty for the whole schema
     * @return the schema node there, or {@link ConfigNode#MISSING}
     */
    ConfigNode at(String pointer) {
        ConfigNode node = schema;
        if (pointer.isEmpty()) return node;
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            node = node.isArray() ? arrayItem(node, name) : node.path(name);
        }
        return node;
    }

    /**
     * Checks {@code value}.
     *
     * @param value the document's root
     * @return the failed checks, in the order they were made
     */
    List<Violation> validate(ConfigNode value) {
        List<Violation> violations = new ArrayList<>();
        check(schema, "", value, "", violations);
        return violations;
    }

    private void check(ConfigNode subschema, String pointer, ConfigNode value, String path, List<Violation> out) {
        if (subschema.isBoolean()) {
            if (!subschema.asBoolean(true)) out.add(new Violation("false", path, pointer, value, null, "is not allowed here"));
            return;
        }
        for (Iterator<Map.Entry<String, ConfigNode>> it = subschema.fields(); it.hasNext(); ) {
            Map.Entry<String, ConfigNode> entry = it.next();
            String keyword = entry.getKey();
            if (ASSERTIONS.contains(keyword)) checkKeyword(subschema, pointer, keyword, entry.getValue(), value, path, out);
        }
    }

    private void checkKeyword(ConfigNode subschema, String pointer, String keyword, ConfigNode argument, ConfigNode value,
                              String path, List<Violation> out) {
        String at = pointer + "/" + escape(keyword);
        switch (keyword) {
            case "$ref" -> {
                String target = refPointer(argument.asText());
                check(at(target), target, value, path, out);
            }
            case "type" -> {
                if (!hasType(value, argument)) out.add(new Violation(keyword, path, at, value, null, "has the wrong type"));
            }
            case "enum" -> {
                boolean found = false;
                for (ConfigNode option : argument) found |= option.equals(value);
                if (!found) out.add(new Violation(keyword, path, at, value, null, "does not have a value in the enumeration"));
            }
            case "const" -> {
                if (!argument.equals(value)) {
                    out.add(new Violation(keyword, path, at, value, null, "must be the constant value '" + argument.asText() + "'"));
                }
            }
            case "allOf" -> {
                for (int i = 0; i < argument.size(); i++) check(argument.get(i), at + "/" + i, value, path, out);
            }
            case "anyOf", "oneOf" -> checkAlternatives(keyword, argument, at, value, path, out);
            case "not" -> {
                if (valid(argument, at, value, path)) out.add(new Violation(keyword, path, at, value, null, "must not be valid to the schema " + at));
            }
            case "if" -> {
                String branch = valid(argument, at, value, path) ? "then" : "else";
                if (subschema.has(branch)) check(subschema.get(branch), pointer + "/" + branch, value, path, out);
            }
            default -> {
                if (value.isTextual()) checkText(keyword, argument, at, value, path, out);
                else if (value.isNumber()) checkNumber(keyword, argument, at, value, path, out);
                else if (value.isArray()) checkArray(subschema, pointer, keyword, argument, at, value, path, out);
                else if (value.isObject()) checkObject(subschema, pointer, keyword, argument, at, value, path, out);
            }
        }
    }

    /** anyOf and oneOf: when no alternative fits, the failures of the one that came closest (the first of equals). */
    private void checkAlternatives(String keyword, ConfigNode alternatives, String at, ConfigNode value, String path, List<Violation> out) {
        List<Violation> closest = null;
        int valid = 0;
        for (int i = 0; i < alternatives.size(); i++) {
            List<Violation> failures = new ArrayList<>();
            check(alternatives.get(i), at + "/" + i, value, path, failures);
            if (failures.isEmpty()) valid++;
            else if (closest == null || failures.size() < closest.size()) closest = failures;
        }
        if (valid == 0 && closest != null) out.addAll(closest);
        if (keyword.equals("oneOf") && valid > 1) {
            out.add(new Violation(keyword, path, at, value, null, "must be valid to one and only one schema, but " + valid + " are valid"));
        }
    }

    private void checkText(String keyword, ConfigNode argument, String at, ConfigNode value, String path, List<Violation> out) {
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        switch (keyword) {
            case "pattern" -> {
                if (!patterns.get(at).matcher(text).find()) {
                    out.add(new Violation(keyword, path, at, value, null, "does not match the regex pattern " + argument.asText()));
                }
            }
            case "minLength" -> {
                if (length < argument.asInt()) out.add(new Violation(keyword, path, at, value, null, "must be at least " + count(argument) + " characters long"));
            }
            case "maxLength" -> {
                if (length > argument.asInt()) out.add(new Violation(keyword, path, at, value, null, "must be at most " + count(argument) + " characters long"));
            }
            default -> {
            }
        }
    }

    private static void checkNumber(String keyword, ConfigNode argument, String at, ConfigNode value, String path, List<Violation> out) {
        if (!argument.isNumber()) return;
        int comparison = value.decimalValue().compareTo(argument.decimalValue());
        String failure = switch (keyword) {
            case "minimum" -> comparison < 0 ? "must have a minimum value of " : null;
            case "maximum" -> comparison > 0 ? "must have a maximum value of " : null;
            case "exclusiveMinimum" -> comparison <= 0 ? "must have an exclusive minimum value of " : null;
            case "exclusiveMaximum" -> comparison >= 0 ? "must have an exclusive maximum value of " : null;
            case "multipleOf" -> value.decimalValue().remainder(argument.decimalValue()).signum() != 0 ? "must be multiple of " : null;
            default -> null;
        };
        if (failure != null) out.add(new Violation(keyword, path, at, value, null, failure + argument.asText()));
    }

    private void checkArray(ConfigNode subschema, String pointer, String keyword, ConfigNode argument, String at,
                            ConfigNode value, String path, List<Violation> out) {
        int size = value.size();
        switch (keyword) {
            case "prefixItems" -> {
                for (int i = 0; i < Math.min(size, argument.size()); i++) {
                    check(argument.get(i), at + "/" + i, value.get(i), ConfigPath.index(path, i), out);
                }
            }
            case "items" -> {
                int first = subschema.path("prefixItems").size();
                for (int i = first; i < size; i++) check(argument, at, value.get(i), ConfigPath.index(path, i), out);
            }
            case "contains" -> {
                int matches = 0;
                for (int i = 0; i < size; i++) if (valid(argument, at, value.get(i), ConfigPath.index(path, i))) matches++;
                int min = subschema.path("minContains").asInt(1);
                int max = subschema.path("maxContains").asInt(Integer.MAX_VALUE);
                if (matches < min) out.add(new Violation(keyword, path, at, value, null, "must contain at least " + min + " element(s) that pass " + at));
                if (matches > max) out.add(new Violation(keyword, path, at, value, null, "must contain at most " + max + " element(s) that pass " + at));
            }
            case "minItems" -> {
                if (size < argument.asInt()) out.add(new Violation(keyword, path, at, value, null, "must have at least " + count(argument) + " items but found " + count(size)));
            }
            case "maxItems" -> {
                if (size > argument.asInt()) out.add(new Violation(keyword, path, at, value, null, "must have at most " + count(argument) + " items but found " + count(size)));
            }
            case "uniqueItems" -> {
                Set<ConfigNode> seen = new HashSet<>();
                boolean unique = true;
                for (ConfigNode item : value) unique &= seen.add(item);
                if (argument.asBoolean(false) && !unique) out.add(new Violation(keyword, path, at, value, null, "must have only unique items in the array"));
            }
            default -> {
            }
        }
    }

    private void checkObject(ConfigNode subschema, String pointer, String keyword, ConfigNode argument, String at,
                             ConfigNode value, String path, List<Violation> out) {
        switch (keyword) {
            case "properties" -> argument.fields().forEachRemaining(property -> {
                if (value.has(property.getKey())) {
                    check(property.getValue(), at + "/" + escape(property.getKey()), value.get(property.getKey()),
                            ConfigPath.child(path, property.getKey()), out);
                }
            });
            case "patternProperties" -> argument.fields().forEachRemaining(property -> {
                Pattern pattern = patterns.get(at + "/" + escape(property.getKey()));
                value.fields().forEachRemaining(field -> {
                    if (pattern.matcher(field.getKey()).find()) {
                        check(property.getValue(), at + "/" + escape(property.getKey()), field.getValue(),
                                ConfigPath.child(path, field.getKey()), out);
                    }
                });
            });
            case "additionalProperties" -> value.fields().forEachRemaining(field -> {
                String key = field.getKey();
                if (subschema.path("properties").has(key) || matchesPatternProperty(subschema, pointer, key)) return;
                if (argument.isBoolean() && !argument.asBoolean(true)) {
                    out.add(new Violation(keyword, path, at, value, key, "property '" + key + "' is not defined in the schema"));
                } else {
                    check(argument, at, field.getValue(), ConfigPath.child(path, key), out);
                }
            });
            case "propertyNames" -> value.fieldNames().forEachRemaining(key -> {
                List<Violation> failures = new ArrayList<>();
                check(argument, at, ConfigNode.text(key), ConfigPath.child(path, key), failures);
                if (!failures.isEmpty()) {
                    out.add(new Violation(keyword, path, at, value, key, "property '" + key + "' name is not valid: " + failures.get(0).message()));
                }
            });
            case "required" -> {
                for (ConfigNode key : argument) {
                    if (!value.has(key.asText())) {
                        out.add(new Violation(keyword, path, at, value, key.asText(), "required property '" + key.asText() + "' not found"));
                    }
                }
            }
            case "dependentRequired" -> argument.fields().forEachRemaining(dependency -> {
                if (!value.has(dependency.getKey())) return;
                for (ConfigNode key : dependency.getValue()) {
                    if (!value.has(key.asText())) {
                        out.add(new Violation(keyword, path, at, value, key.asText(), "has a missing property '" + key.asText()
                                + "' which is dependent required because '" + dependency.getKey() + "' is present"));
                    }
                }
            });
            case "minProperties" -> {
                if (value.size() < argument.asInt()) out.add(new Violation(keyword, path, at, value, null, "must have at least " + count(argument) + " properties"));
            }
            case "maxProperties" -> {
                if (value.size() > argument.asInt()) out.add(new Violation(keyword, path, at, value, null, "must have at most " + count(argument) + " properties"));
            }
            default -> {
            }
        }
    }

    private boolean matchesPatternProperty(ConfigNode subschema, String pointer, String key) {
        for (Iterator<String> it = subschema.path("patternProperties").fieldNames(); it.hasNext(); ) {
            if (patterns.get(pointer + "/patternProperties/" + escape(it.next())).matcher(key).find()) return true;
        }
        return false;
    }

    private boolean valid(ConfigNode subschema, String pointer, ConfigNode value, String path) {
        List<Violation> failures = new ArrayList<>();
        check(subschema, pointer, value, path, failures);
        return failures.isEmpty();
    }

    private static boolean hasType(ConfigNode value, ConfigNode type) {
        if (type.isArray()) {
            for (ConfigNode option : type) if (hasType(value, option)) return true;
            return false;
        }
        return switch (type.asText()) {
            case "string" -> value.isTextual();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "number" -> value.isNumber();
            case "integer" -> value.isNumber() && value.isIntegral();
            default -> false;
        };
    }

    /** Checks the schema once: known keywords, resolvable references, compilable patterns. */
    private void prepare(ConfigNode node, String pointer) {
        if (node.isBoolean()) return;
        if (!node.isObject()) throw new IllegalStateException("schema at '" + pointer + "' is not a schema");
        node.fields().forEachRemaining(entry -> {
            String keyword = entry.getKey();
            ConfigNode argument = entry.getValue();
            String at = pointer + "/" + escape(keyword);
            if (!ASSERTIONS.contains(keyword) && !PASSIVE.contains(keyword)) {
                throw new IllegalStateException("the schema uses '" + keyword + "' at '" + pointer + "', which the validator does not implement");
            }
            if (SCHEMA_MAPS.contains(keyword)) {
                argument.fields().forEachRemaining(e -> prepare(e.getValue(), at + "/" + escape(e.getKey())));
                if (keyword.equals("patternProperties")) argument.fieldNames().forEachRemaining(p -> patterns.put(at + "/" + escape(p), compile(p, at)));
            } else if (SCHEMA_LISTS.contains(keyword)) {
                for (int i = 0; i < argument.size(); i++) prepare(argument.get(i), at + "/" + i);
            } else if (SCHEMAS.contains(keyword)) {
                prepare(argument, at);
            } else if (keyword.equals("pattern")) {
                patterns.put(at, compile(argument.asText(), at));
            } else if (keyword.equals("$ref") && at(refPointer(argument.asText())).isMissingNode()) {
                throw new IllegalStateException("the schema's $ref '" + argument.asText() + "' at '" + pointer + "' does not resolve");
            }
        });
    }

    private static Pattern compile(String regex, String pointer) {
        try {
            return Pattern.compile(regex);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the schema's pattern at '" + pointer + "' does not compile: " + e.getMessage(), e);
        }
    }

    private static String refPointer(String ref) {
        if (!ref.startsWith("#")) throw new IllegalStateException("only references inside the schema are supported: " + ref);
        return URLDecoder.decode(ref.substring(1), StandardCharsets.UTF_8);
    }

    private static ConfigNode arrayItem(ConfigNode array, String token) {
        try {
            ConfigNode item = array.get(Integer.parseInt(token));
            return item == null ? ConfigNode.MISSING : item;
        } catch (NumberFormatException e) {
            return ConfigNode.MISSING;
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** A count as the validator this one replaced wrote it: 2,000. */
    private static String count(ConfigNode number) {
        return number.isIntegral() ? count(number.decimalValue().longValue()) : number.asText();
    }

    private static String count(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
