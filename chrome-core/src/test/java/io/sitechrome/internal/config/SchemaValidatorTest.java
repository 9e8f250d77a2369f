package io.sitechrome.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema keywords the bundled schema does not use yet, so that a key added to it with one of
 * them is checked (the bundled schema's own checks are pinned by ConfigLoaderTest and the broken corpus).
 */
class SchemaValidatorTest {

    private static ConfigNode tree(String yaml) {
        List<ConfigProblem> problems = new ArrayList<>();
        YamlDocument document = YamlDocument.parse(new YamlDocument.Origin("t.yaml", null), yaml, problems);
        assertEquals(List.of(), problems);
        return document.root;
    }

    /** "keyword path: message" for each failure of {@code instance} against {@code schema}. */
    private static List<String> failures(String schema, String instance) {
        return new SchemaValidator(tree(schema)).validate(tree(instance)).stream()
                .map(v -> v.keyword() + " " + ConfigPath.display(v.path()) + ": " + v.message()).toList();
    }

    @Test
    void constAndEnumCompareJsonValues() {
        assertEquals(List.of(), failures("{properties: {a: {const: 2}}}", "a: 2.0"));
        assertEquals(List.of("const a: must be the constant value '2'"), failures("{properties: {a: {const: 2}}}", "a: '2'"));
        assertEquals(List.of(), failures("{properties: {a: {enum: [[1, 2], {x: 1}]}}}", "a: {x: 1}"));
    }

    @Test
    void oneOfAnyOfAllOfAndNot() {
        String schema = "{properties: {a: {oneOf: [{type: integer}, {type: number, minimum: 10}]}}}";
        assertEquals(List.of(), failures(schema, "a: 3"));
        assertEquals(List.of("oneOf a: must be valid to one and only one schema, but 2 are valid"), failures(schema, "a: 12"));
        assertEquals(List.of("type a: has the wrong type"), failures(schema, "a: x"));
        String anyOf = "{properties: {a: {anyOf: [{type: string, maxLength: 1}, {type: string, pattern: '^b'}]}}}";
        assertEquals(List.of(), failures(anyOf, "a: bcd"));
        assertEquals(List.of("maxLength a: must be at most 1 characters long"), failures(anyOf, "a: cd"));
        assertEquals(List.of("minimum a: must have a minimum value of 1", "maximum a: must have a maximum value of 0"),
                failures("{properties: {a: {allOf: [{minimum: 1}, {maximum: 0}]}}}", "a: 0.5"));
        assertEquals(List.of("not a: must not be valid to the schema /properties/a/not"), failures("{properties: {a: {not: {type: boolean}}}}", "a: true"));
    }

    @Test
    void ifThenElse() {
        String schema = "{if: {required: [href]}, then: {required: [label]}, else: {required: [action]}}";
        assertEquals(List.of(), failures(schema, "{href: /, label: x}"));
        assertEquals(List.of("required (root): required property 'label' not found"), failures(schema, "{href: /}"));
        assertEquals(List.of("required (root): required property 'action' not found"), failures(schema, "{label: x}"));
    }

    @Test
    void patternPropertiesCountAsKnownKeys() {
        String schema = "{patternProperties: {'^x-': {type: string}}, properties: {a: {}}, additionalProperties: false}";
        assertEquals(List.of(), failures(schema, "{a: 1, x-b: c}"));
        assertEquals(List.of("type x-b: has the wrong type", "additionalProperties (root): property 'y' is not defined in the schema"),
                failures(schema, "{x-b: 1, y: 2}"));
    }

    @Test
    void arraysAndObjectsCountTheirItems() {
        assertEquals(List.of("type [1]: has the wrong type", "minItems (root): must have at least 3 items but found 2"),
                failures("{type: array, prefixItems: [{type: string}], items: {type: boolean}, minItems: 3}", "[x, y]"));
        assertEquals(List.of("contains (root): must contain at least 1 element(s) that pass /contains"),
                failures("{contains: {const: 1}}", "[2, 3]"));
        assertEquals(List.of("maxProperties (root): must have at most 1 properties",
                        "dependentRequired (root): has a missing property 'b' which is dependent required because 'a' is present"),
                failures("{maxProperties: 1, dependentRequired: {a: [b]}}", "{a: 1, c: 2}"));
        assertEquals(List.of("uniqueItems (root): must have only unique items in the array"), failures("{uniqueItems: true}", "[1, 1.0]"));
        assertEquals(List.of("multipleOf (root): must be multiple of 0.5", "exclusiveMaximum (root): must have an exclusive maximum value of 1"),
                failures("{multipleOf: 0.5, exclusiveMaximum: 1}", "1.2"));
    }

    @Test
    void referencesResolveInDefsAndDefinitions() {
        assertEquals(List.of("minLength (root): must be at least 2,000 characters long"),
                failures("{$ref: '#/definitions/a', definitions: {a: {$ref: '#/$defs/b'}}, $defs: {b: {minLength: 2000}}}", "x"));
    }

    @Test
    void aSchemaAskingForAnUnimplementedCheckIsRefusedWhenRead() {
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> new SchemaValidator(tree("{properties: {a: {unevaluatedProperties: false}}}")));
        assertTrue(unknown.getMessage().contains("'unevaluatedProperties' at '/properties/a'"), unknown.getMessage());
        assertThrows(IllegalStateException.class, () -> new SchemaValidator(tree("{$ref: '#/$defs/missing'}")));
        assertThrows(IllegalStateException.class, () -> new SchemaValidator(tree("{pattern: '('}")));
    }
}
