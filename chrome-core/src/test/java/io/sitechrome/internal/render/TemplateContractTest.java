package io.sitechrome.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.render.TemplateContract.Param;
import io.sitechrome.render.Component;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The template contract: each built-in template's {@code NAME.params.yaml} documents every name
 * the template uses (checked on the compiled template's tags), every documented name is in the
 * view the template is rendered with, with its type (checked on the view classes), and
 * docs/templates.md is what the params files say.
 */
class TemplateContractTest {

    /** The view each component's template is rendered with (see {@link Renderer#compile}). */
    private static final Map<Component, Class<?>> VIEWS = new EnumMap<>(Map.of(
            Component.HEAD, HeadView.class, Component.COOKIE_BANNER, CookieBannerView.class,
            Component.SKIP_LINK, SkipLinkView.class, Component.BANNERS, BannersView.class,
            Component.HEADER, HeaderView.class, Component.FOOTER, FooterView.class, Component.SCRIPTS, ScriptsView.class));

    private static final Map<String, TemplateContract> CONTRACTS = TemplateContract.all();

    @Test
    void everyNameABuiltInTemplateUsesIsDocumented() throws ConfigException {
        TemplateSet builtIn = new TemplateSet(null, Map.of());
        List<String> problems = new ArrayList<>();
        Set<String> included = new TreeSet<>();
        for (Component component : Component.values()) {
            TemplateNames names = TemplateNames.check(component.id(), builtIn.get(component),
                    CONTRACTS.get(component.id()).scope(CONTRACTS));
            problems.addAll(names.problems());
            for (String partial : names.partials()) {
                included.add(partial);
                TemplateContract contract = CONTRACTS.get(partial);
                if (contract == null) {
                    problems.add(component.id() + " includes " + partial + ", which has no params file");
                } else if (Component.byId(partial) == null && !component.id().equals(contract.renderedWith())) {
                    problems.add(partial + " is included by " + component.id() + " but says renderedWith: " + contract.renderedWith());
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(new TreeSet<>(TemplateContract.PARTIALS), included.stream()
                .filter(name -> Component.byId(name) == null).collect(TreeSet::new, Set::add, Set::addAll),
                "the partials with params files are the ones the built-in templates include");
    }

    @Test
    void theCheckReportsAnUndocumentedNameAndAnObjectPrintedAsAValue() throws ConfigException {
        String override = "{{brandName}}{{#logo}}{{src}}{{srcset}}{{/logo}}{{nope}}{{chat}}{{#nav}}{{#items}}{{.}}{{/items}}{{/nav}}";
        TemplateSet set = new TemplateSet(null, Map.of("header.mustache", override));
        List<String> problems = TemplateNames.check("header", set.get(Component.HEADER),
                CONTRACTS.get("header").scope(CONTRACTS)).problems();
        assertEquals(List.of("header: {{srcset}} is not a documented input here", "header: {{nope}} is not a documented input here",
                "header: {{chat}} prints chat, which is an object", "header: {{.}} outside a section over plain values"), problems);
    }

    @Test
    void everyDocumentedInputIsInTheViewWithItsTypeAndEveryViewValueIsDocumented() {
        List<String> problems = new ArrayList<>();
        VIEWS.forEach((component, view) -> compare(component.id(), view, CONTRACTS.get(component.id()).scope(CONTRACTS), problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void theViewCheckReportsAMissingMemberAWrongTypeAndAnUndocumentedOne() {
        List<String> problems = new ArrayList<>();
        compare("skip-link", SkipLinkView.class, List.of(
                new Param("target", "boolean", true, "d", null, null, List.of()),
                new Param("text", "string", true, "d", null, null, List.of()),
                new Param("lang", "string", true, "d", null, null, List.of()),
                new Param("colour", "string", true, "d", null, null, List.of())), problems);
        assertEquals(List.of("skip-link.target is documented as a boolean but is a java.lang.String",
                "skip-link.colour is documented but SkipLinkView has no such value",
                "skip-link.dir is in SkipLinkView but not documented"), problems);
    }

    @Test
    void docsTemplatesMdIsGeneratedFromTheParamsFiles() throws Exception {
        Path doc = Fixtures.repoRoot().resolve("docs/templates.md");
        String generated = TemplateDocs.markdown(CONTRACTS);
        if (Boolean.getBoolean("site-chrome.regenerate-docs")) Files.writeString(doc, generated, StandardCharsets.UTF_8);
        assertTrue(Files.isRegularFile(doc), "docs/templates.md is missing; run " + TemplateDocs.REGENERATE);
        assertEquals(generated, Files.readString(doc, StandardCharsets.UTF_8),
                "docs/templates.md is out of date; run " + TemplateDocs.REGENERATE);
    }

    @Test
    void everyParamsFileDescribesItsTemplate() {
        for (TemplateContract contract : CONTRACTS.values()) {
            assertNotNull(TemplateContract.class.getResource(TemplateSet.builtInResource(contract.template() + ".mustache")),
                    contract.template());
            assertTrue(contract.description() != null && !contract.description().isBlank(), contract.template());
            if (contract.renderedWith() != null) assertNotNull(CONTRACTS.get(contract.renderedWith()), contract.template());
        }
    }

    /** Compares documented inputs with a view class's values: names, and types, both ways. */
    static void compare(String where, Class<?> view, List<Param> params, List<String> problems) {
        Map<String, Type> members = members(view);
        for (Param param : params) {
            String path = where + "." + param.name();
            Type type = members.get(param.name());
            if (type == null) {
                problems.add(path + " is documented but " + view.getSimpleName() + " has no such value");
                continue;
            }
            Class<?> raw = raw(type);
            switch (param.type()) {
                case "string" -> expect(path, param, raw == String.class, type, problems);
                case "boolean" -> expect(path, param, raw == boolean.class || raw == Boolean.class, type, problems);
                case "integer" -> expect(path, param, raw == Integer.class || raw == int.class || raw == Long.class, type, problems);
                case "object" -> {
                    boolean isView = raw.isRecord();
                    expect(path, param, isView, type, problems);
                    if (isView) compare(path, raw, param.params(), problems);
                }
                case "array" -> {
                    boolean isList = raw == List.class;
                    expect(path, param, isList, type, problems);
                    if (!isList) break;
                    Class<?> element = raw(((ParameterizedType) type).getActualTypeArguments()[0]);
                    if (param.items() != null) {
                        expect(path + "[]", param, element == String.class && param.items().equals("string"), element, problems);
                    } else {
                        compare(path + "[]", element, param.params(), problems);
                    }
                }
                default -> problems.add(path + " has the unknown type " + param.type());
            }
        }
        Set<String> documented = new TreeSet<>();
        params.forEach(p -> documented.add(p.name()));
        members.keySet().stream().filter(name -> !documented.contains(name))
                .forEach(name -> problems.add(where + "." + name + " is in " + view.getSimpleName() + " but not documented"));
    }

    private static void expect(String path, Param param, boolean ok, Type actual, List<String> problems) {
        if (!ok) problems.add(path + " is documented as a" + (param.type().startsWith("a") || param.type().startsWith("i") ? "n " : " ")
                + (param.items() != null ? "array of " + param.items() : param.type()) + " but is a " + actual.getTypeName());
    }

    /** What Mustache.java can read from a view: its record components and public no-argument methods. */
    private static Map<String, Type> members(Class<?> view) {
        Map<String, Type> members = new TreeMap<>();
        RecordComponent[] components = view.getRecordComponents();
        if (components != null) {
            for (RecordComponent component : components) members.put(component.getName(), component.getGenericType());
        }
        Set<String> objectMethods = Set.of("toString", "hashCode", "equals");
        Arrays.stream(view.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
                .filter(m -> !objectMethods.contains(m.getName()) && !m.isSynthetic())
                .forEach((Method m) -> members.putIfAbsent(m.getName(), m.getGenericReturnType()));
        return members;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
