package io.sitechrome.internal.config;

import io.sitechrome.config.ConfigProblem;
import io.sitechrome.config.UrlPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The JSON Schema of the configuration format, shipped as a resource for editors and
 * used here to validate every file. Its failures are turned into designer-friendly messages.
 */
public final class ConfigSchema {

    /** The schema's resource name inside chrome-core. */
    static final String RESOURCE = "/io/sitechrome/config/chrome-config.schema.json";

    private static final SchemaValidator SCHEMA = new SchemaValidator(readSchema());

    private ConfigSchema() {
    }

    /**
     * The schema's rule for URLs, so that {@link UrlPolicy} applies the very same one.
     *
     * @return the regular expression of {@code $defs/url/pattern}
     */
    public static String urlPattern() {
        return SCHEMA.at("/$defs/url/pattern").asText();
    }

    /**
     * Checks a document against the bundled schema.
     *
     * @param document the document, its bases laid under it
     * @param file     the name problems give when a value's own document is not known
     * @param problems where a problem per violation goes, each at its key or value; a misspelt key is
     *                 reported once, with a suggestion, rather than also as a missing one
     */
    static void validate(YamlDocument document, String file, List<ConfigProblem> problems) {
        List<SchemaValidator.Violation> violations = SCHEMA.validate(document.root);
        for (SchemaValidator.Violation violation : violations) {
            if (!isMisspelt(violation, violations)) problems.add(toProblem(violation, document, file));
        }
    }

    /** A missing required key that an unknown key beside it misspells: the unknown key's did-you-mean says it all. */
    private static boolean isMisspelt(SchemaValidator.Violation missing, List<SchemaValidator.Violation> violations) {
        if (!missing.keyword().equals("required")) return false;
        for (SchemaValidator.Violation unknown : violations) {
            if (unknown.keyword().equals("additionalProperties") && unknown.path().equals(missing.path())
                    && DidYouMean.suggest(unknown.property(), allowedKeys(unknown.schemaPointer())).equals("; did you mean '" + missing.property() + "'?")) {
                return true;
            }
        }
        return false;
    }

    private static ConfigProblem toProblem(SchemaValidator.Violation violation, YamlDocument document, String file) {
        String path = violation.path();
        String schemaPointer = violation.schemaPointer();
        ConfigNode value = violation.value();
        SourcePosition at = document.valueAt(path);
        String text;
        switch (violation.keyword()) {
            case "additionalProperties" -> {
                String key = violation.property();
                path = ConfigPath.child(path, key);
                at = document.keyAt(path);
                text = "unknown key '" + key + "'" + DidYouMean.suggest(key, allowedKeys(schemaPointer));
            }
            case "required" -> {
                String key = violation.property();
                text = "missing required key '" + key + "'";
                path = ConfigPath.child(path, key);
            }
            case "propertyNames" -> {
                String key = violation.property();
                path = ConfigPath.child(path, key);
                at = document.keyAt(path);
                ConfigNode allowedNames = SCHEMA.at(schemaPointer + "/enum");
                text = allowedNames.isArray() ? unknownName(key, allowedNames) : patternMessage(key, schemaPointer);
            }
            case "type" -> {
                if (value.isNull()) at = document.keyAt(path);
                text = typeMessage(value, SCHEMA.at(schemaPointer));
            }
            case "enum" -> text = enumMessage(value, SCHEMA.at(schemaPointer));
            case "pattern" -> text = patternMessage(value.asText(), schemaPointer);
            default -> text = violation.message();
        }
        return new ConfigProblem(file, at.line(), at.column(), ConfigPath.display(path), text);
    }

    private static String typeMessage(ConfigNode value, ConfigNode expected) {
        String found = describe(value);
        StringBuilder wanted = new StringBuilder();
        if (expected.isArray()) {
            for (Iterator<ConfigNode> it = expected.iterator(); it.hasNext(); ) {
                wanted.append(article(it.next().asText()));
                if (it.hasNext()) wanted.append(" or ");
            }
        } else {
            wanted.append(article(expected.asText()));
        }
        String hint = value.isNull() ? " (a value starting with # is a YAML comment; put it in quotes)" : "";
        return "expected " + wanted + ", found " + found + hint;
    }

    private static String unknownName(String key, ConfigNode allowed) {
        List<String> names = new ArrayList<>();
        allowed.forEach(name -> names.add(name.asText()));
        return "unknown key '" + key + "'" + DidYouMean.suggest(key, names);
    }

    private static String enumMessage(ConfigNode value, ConfigNode allowed) {
        List<String> options = new ArrayList<>();
        allowed.forEach(option -> options.add(option.asText()));
        return "'" + value.asText() + "' is not one of " + String.join(", ", options) + DidYouMean.suggest(value.asText(), options);
    }

    private static String patternMessage(String value, String schemaPointer) {
        if (schemaPointer.startsWith("/$defs/url/")) return UrlPolicy.explain(value);
        if (schemaPointer.startsWith("/$defs/localeTag/") || schemaPointer.startsWith("/$defs/text/")) return "'" + value + "' is not a valid locale tag (use BCP 47, such as en-US or zh-Hant)";
        if (schemaPointer.startsWith("/$defs/id/")) return "'" + value + "' is not a valid id (lower-case letters, digits and hyphens)";
        if (schemaPointer.startsWith("/$defs/countries/")) return "'" + value + "' is not a country code (two upper-case letters, ISO 3166)";
        if (schemaPointer.contains("/modeByCountry/")) return "'" + value + "' is not a country code (two upper-case letters, ISO 3166)";
        if (schemaPointer.contains("/tokens/")) return "'" + value + "' is not a valid token name (lower-case letters, digits and hyphens)";
        if (schemaPointer.contains("/skipLink/")) return "'" + value + "' is not an in-page target such as #main";
        return "'" + value + "' does not have the expected form " + SCHEMA.at(schemaPointer).asText();
    }

    private static List<String> allowedKeys(String additionalPropertiesPointer) {
        String owner = additionalPropertiesPointer.substring(0, additionalPropertiesPointer.lastIndexOf('/'));
        List<String> keys = new ArrayList<>();
        SCHEMA.at(owner + "/properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String describe(ConfigNode value) {
        if (value.isNull()) return "nothing";
        if (value.isTextual()) return "text '" + value.asText() + "'";
        if (value.isBoolean()) return "a boolean";
        if (value.isNumber()) return "a number";
        if (value.isArray()) return "a list";
        return "a mapping";
    }

    private static String article(String jsonType) {
        return switch (jsonType.toLowerCase(Locale.ROOT)) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "string" -> "text";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "number" -> "a number";
            default -> jsonType;
        };
    }

    /** The schema, read with the configuration's own YAML reader (JSON is YAML). */
    private static ConfigNode readSchema() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            List<ConfigProblem> problems = new ArrayList<>();
            YamlDocument schema = YamlDocument.parse(new YamlDocument.Origin(RESOURCE, null), new String(in.readAllBytes(), StandardCharsets.UTF_8), problems);
            if (schema == null || !problems.isEmpty()) throw new IllegalStateException("unreadable schema " + RESOURCE + ": " + problems);
            return schema.root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
