package io.sitechrome.internal.render;

import io.sitechrome.render.Component;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The documented inputs of one built-in template, read from the {@code NAME.params.yaml} next to
 * {@code NAME.mustache} (see {@link TemplateSet#builtInResource}): what a designer's override of
 * it may use, as GOV.UK Frontend documents each component's {@code params}.
 *
 * @param template     the template's name, such as {@code header}
 * @param description  what the template renders
 * @param renderedWith for a partial, the template that includes it and whose inputs it sees too; else null
 * @param params       its inputs, in documentation order
 * @param example      an override written against the inputs, which the docs show and a test renders; or null
 */
record TemplateContract(String template, String description, String renderedWith, List<Param> params, String example) {

    /** The types an input can have; {@code object} and {@code array} have inputs of their own. */
    static final Set<String> TYPES = Set.of("string", "boolean", "integer", "object", "array");

    /** The templates that only other templates include: each is rendered with its includer's inputs. */
    static final List<String> PARTIALS = List.of("account-menu", "cookie-preferences", "locale-picker");

    /**
     * One input.
     *
     * @param name        the name a template uses, {@code {{name}}} or {@code {{#name}}}
     * @param type        one of {@link #TYPES}
     * @param required    whether it is always there when the object holding it is
     * @param description what it is
     * @param items       for an array of plain values, their type ({@code {{.}}} in the section); else null
     * @param paramsOf    for an object with another template's inputs, that template's name; else null
     * @param params      the inputs of an object or of each element of an array of objects
     */
    record Param(String name, String type, boolean required, String description, String items, String paramsOf,
                 List<Param> params) {

        boolean isScalar() {
            return !type.equals("object") && !type.equals("array");
        }
    }

    /** Every built-in template's contract, the components' in page order and then the partials. */
    static Map<String, TemplateContract> all() {
        Map<String, TemplateContract> all = new LinkedHashMap<>();
        for (Component component : Component.values()) all.put(component.id(), read(component.id()));
        for (String partial : PARTIALS) all.put(partial, read(partial));
        return all;
    }

    /** The class-path resource of a template's params. */
    static String resource(String template) {
        return TemplateSet.builtInResource(template + ".mustache").replace(".mustache", ".params.yaml");
    }

    static TemplateContract read(String template) {
        try (InputStream in = TemplateContract.class.getResourceAsStream(resource(template))) {
            if (in == null) throw new AssertionError("no params file " + resource(template));
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new TemplateContract(template, (String) yaml.get("description"), (String) yaml.get("renderedWith"),
                    params(template, yaml.get("params")), (String) yaml.get("example"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Param> params(String template, Object list) {
        List<Param> params = new ArrayList<>();
        if (list == null) return params;
        for (Map<String, Object> p : (List<Map<String, Object>>) list) {
            String name = (String) p.get("name");
            String type = (String) p.get("type");
            if (!TYPES.contains(type)) throw new AssertionError(template + ": " + name + " has the unknown type " + type);
            if (!(p.get("required") instanceof Boolean) || !(p.get("description") instanceof String d) || d.isBlank()) {
                throw new AssertionError(template + ": " + name + " needs required: true|false and a description");
            }
            String paramsOf = (String) p.get("paramsOf");
            List<Param> nested = paramsOf != null ? read(paramsOf).params() : params(template, p.get("params"));
            params.add(new Param(name, type, (Boolean) p.get("required"), (String) p.get("description"),
                    (String) p.get("items"), paramsOf, nested));
        }
        return List.copyOf(params);
    }

    /**
     * The inputs the template sees at its top level: its own, and for a component those of the
     * partials rendered with it.
     */
    List<Param> scope(Map<String, TemplateContract> all) {
        List<Param> scope = new ArrayList<>(params);
        for (TemplateContract partial : all.values()) {
            if (template.equals(partial.renderedWith)) scope.addAll(partial.params);
        }
        return scope;
    }
}
