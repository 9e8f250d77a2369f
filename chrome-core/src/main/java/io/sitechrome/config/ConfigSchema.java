package io.sitechrome.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The JSON Schema of the configuration format, shipped as a resource for editors and
 * used here to validate every file. Its messages are turned into designer-friendly ones.
 */
final class ConfigSchema {

    /** The schema's resource name inside chrome-core. */
    static final String RESOURCE = "/io/sitechrome/config/chrome-config.schema.json";

    private static final JsonNode SCHEMA_TREE = readSchema();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SCHEMA_TREE, SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());

    private ConfigSchema() {
    }

    static String urlPattern() {
        return SCHEMA_TREE.at("/$defs/url/pattern").asText();
    }

    static void validate(YamlDocument document, String file, List<ConfigProblem> problems) {
        for (ValidationMessage message : SCHEMA.validate(document.root)) {
            problems.add(toProblem(message, document, file));
        }
    }

    private static ConfigProblem toProblem(ValidationMessage message, YamlDocument document, String file) {
        String path = designerPath(message.getInstanceLocation());
        String schemaPointer = schemaPointer(message);
        JsonNode value = message.getInstanceNode();
        String type = message.getType();
        SourcePosition at = document.valueAt(path);
        String text;
        switch (type) {
            case "additionalProperties" -> {
                String key = message.getProperty();
                path = ConfigPath.child(path, key);
                at = document.keyAt(path);
                text = "unknown key '" + key + "'" + DidYouMean.suggest(key, allowedKeys(schemaPointer));
            }
            case "required" -> {
                String key = message.getProperty();
                text = "missing required key '" + key + "'";
                path = ConfigPath.child(path, key);
            }
            case "propertyNames" -> {
                String key = message.getProperty();
                path = ConfigPath.child(path, key);
                at = document.keyAt(path);
                JsonNode allowedNames = SCHEMA_TREE.at(schemaPointer.substring(0, schemaPointer.indexOf("/propertyNames") + 14) + "/enum");
                text = allowedNames.isArray() ? unknownName(key, allowedNames) : patternMessage(key, schemaPointer);
            }
            case "type" -> {
                if (value.isNull()) at = document.keyAt(path);
                text = typeMessage(value, SCHEMA_TREE.at(schemaPointer));
            }
            case "enum" -> text = enumMessage(value, SCHEMA_TREE.at(schemaPointer));
            case "pattern" -> text = patternMessage(value.asText(), schemaPointer);
            default -> text = stripLocation(message.getMessage());
        }
        return new ConfigProblem(file, at.line(), at.column(), ConfigPath.display(path), text);
    }

    private static String typeMessage(JsonNode value, JsonNode expected) {
        String found = describe(value);
        StringBuilder wanted = new StringBuilder();
        if (expected.isArray()) {
            for (Iterator<JsonNode> it = expected.elements(); it.hasNext(); ) {
                wanted.append(article(it.next().asText()));
                if (it.hasNext()) wanted.append(" or ");
            }
        } else {
            wanted.append(article(expected.asText()));
        }
        String hint = value.isNull() ? " (a value starting with # is a YAML comment; put it in quotes)" : "";
        return "expected " + wanted + ", found " + found + hint;
    }

    private static String unknownName(String key, JsonNode allowed) {
        List<String> names = new ArrayList<>();
        allowed.forEach(name -> names.add(name.asText()));
        return "unknown key '" + key + "'" + DidYouMean.suggest(key, names);
    }

    private static String enumMessage(JsonNode value, JsonNode allowed) {
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
        return "'" + value + "' does not have the expected form " + SCHEMA_TREE.at(schemaPointer).asText();
    }

    private static List<String> allowedKeys(String additionalPropertiesPointer) {
        String owner = additionalPropertiesPointer.substring(0, additionalPropertiesPointer.lastIndexOf('/'));
        List<String> keys = new ArrayList<>();
        SCHEMA_TREE.at(owner + "/properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String schemaPointer(ValidationMessage message) {
        String location = message.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        return hash < 0 ? "" : location.substring(hash + 1);
    }

    private static String designerPath(JsonNodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? ConfigPath.index(path, index) : ConfigPath.child(path, element.toString());
        }
        return path;
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 ? message.substring(colon + 2) : message;
    }

    private static String describe(JsonNode value) {
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

    private static JsonNode readSchema() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
