package io.sitechrome.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.consent.ConsentState;
import io.sitechrome.internal.render.TemplateContract.Param;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import io.sitechrome.render.Visitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An override written only against the documented inputs works: for every component, a template
 * generated from its params file (each documented name printed as {@code [[PATH=VALUE]]}, each
 * object and array a section) goes in a designer's template folder, the configuration loads, and
 * rendered in a few requests every documented name is filled in at least once, and no required
 * one is ever empty.
 */
class TemplateOverrideTest {

    private static final Pattern VALUE = Pattern.compile("\\[\\[([^=\\[]+(?:\\[][^=\\[]*)*)=(.*?)]]");

    /** Every optional part present somewhere: Consent Mode, a footer banner, four locales, a logo, chat, sign-up. */
    private static String configuration() throws Exception {
        String complete = Files.readString(Path.of(TemplateOverrideTest.class.getResource("/io/sitechrome/config/complete.yaml").toURI()));
        return complete.replace("  templates: ./templates", "  templates: ./overrides")
                .replace("banners:\n", """
                        banners:
                          - { id: maintenance, severity: info, title: Maintenance, text: Tonight.,
                              link: { label: Status, href: /status }, placement: footer }
                        """)
                .replace("  scripts:\n", """
                          googleConsentMode:
                            analytics: [analytics_storage]
                          scripts:
                        """);
    }

    private static List<ChromeRequest> requests() {
        ConsentState analytics = new ConsentState(Set.of("analytics"), 7, Instant.parse("2024-06-01T00:00:00Z"), "id");
        return List.of(
                ChromeRequest.builder().locale("en-US").country("US").path("/").build(),
                ChromeRequest.builder().locale("de").country("GB").path("/products/one?lang=de")
                        .visitor(Visitor.of("Ada", "https://img.example.com/ada.png", 3)).nonce("bm9uY2UtMTIz")
                        .consent(analytics).consentSaved(true).gpc(true).build(),
                ChromeRequest.builder().locale("ar").country("FR").visitor(Visitor.named("Bo")).build());
    }

    @Test
    void anOverrideUsingOnlyDocumentedInputsRendersEachOfThem(@TempDir Path dir) throws Exception {
        Map<String, TemplateContract> contracts = TemplateContract.all();
        Path overrides = Files.createDirectory(dir.resolve("overrides"));
        Map<String, Param> documented = new TreeMap<>();
        for (Component component : Component.values()) {
            StringBuilder template = new StringBuilder("<x-" + component.id() + ">");
            for (Param param : contracts.get(component.id()).scope(contracts)) generate(component.id() + ".", param, template, documented);
            Files.writeString(overrides.resolve(TemplateSet.templateName(component)), template.append("</x-").append(component.id()).append(">"));
        }
        Path config = Files.writeString(dir.resolve("chrome.yaml"), configuration());
        Chrome chrome = Chrome.of(io.sitechrome.internal.config.ConfigLoader.load(config), Fixtures.CLOCK_2024);

        Set<String> filled = new TreeSet<>();
        List<String> emptyRequired = new ArrayList<>();
        for (ChromeRequest request : requests()) {
            for (Component component : Component.values()) {
                String out = chrome.render(component, request);
                assertTrue(out.startsWith("<x-" + component.id() + ">"), "the override is rendered: " + out);
                Matcher value = VALUE.matcher(out);
                while (value.find()) {
                    String path = value.group(1);
                    if (!value.group(2).isEmpty()) filled.add(path);
                    else if (documented.get(path).required()) emptyRequired.add(path + " in " + request.locale());
                }
            }
        }
        assertEquals(List.of(), emptyRequired, "required inputs are never empty");
        Set<String> neverFilled = new TreeSet<>(documented.keySet());
        neverFilled.removeAll(filled);
        assertEquals(Set.of(), neverFilled, "every documented input reaches an override");
    }

    /**
     * The example overrides the docs show use documented inputs only, and render in a designer's
     * template folder: what they print is what the built-in template's view holds.
     */
    @Test
    void theDocumentedExampleOverridesUseOnlyDocumentedInputsAndRender(@TempDir Path dir) throws Exception {
        Map<String, TemplateContract> contracts = TemplateContract.all();
        Path overrides = Files.createDirectory(dir.resolve("overrides"));
        List<Component> examples = new ArrayList<>();
        for (Component component : Component.values()) {
            String example = contracts.get(component.id()).example();
            if (example == null) continue;
            examples.add(component);
            String name = TemplateSet.templateName(component);
            TemplateSet compiled = new TemplateSet(null, Map.of(name, example));
            assertEquals(List.of(), TemplateNames.check(component.id(), compiled.get(component),
                    contracts.get(component.id()).scope(contracts)).problems());
            Files.writeString(overrides.resolve(name), example);
        }
        assertTrue(examples.contains(Component.SKIP_LINK) && examples.contains(Component.BANNERS), examples.toString());
        Chrome chrome = Chrome.of(io.sitechrome.internal.config.ConfigLoader.load(Files.writeString(dir.resolve("chrome.yaml"), configuration())),
                Fixtures.CLOCK_2024);
        ChromeRequest request = requests().get(0);
        org.jsoup.nodes.Document skip = Fixtures.html(chrome.render(Component.SKIP_LINK, request));
        assertEquals("#content", skip.selectFirst("a.my-skip-link").attr("href"));
        assertEquals("Skip ahead", skip.selectFirst("a.my-skip-link").text());
        org.jsoup.nodes.Document banners = Fixtures.html(chrome.render(Component.BANNERS, request));
        assertEquals("notice", banners.selectFirst("aside.my-notice--critical").attr("data-chrome-banner"));
        assertEquals("/chrome/banners/notice/dismiss", banners.selectFirst("aside form").attr("action"));
        assertEquals("/", banners.selectFirst("aside input[name=return]").attr("value"));
    }

    /** Appends a use of {@code param} (and, inside its section, of its own inputs) to {@code template}. */
    private static void generate(String prefix, Param param, StringBuilder template, Map<String, Param> documented) {
        String path = prefix + param.name();
        String name = param.name();
        switch (param.type()) {
            case "boolean" -> {
                documented.put(path, param);
                template.append("[[").append(path).append("={{#").append(name).append("}}true{{/").append(name)
                        .append("}}{{^").append(name).append("}}false{{/").append(name).append("}}]]");
            }
            case "object", "array" -> {
                template.append("{{#").append(name).append("}}");
                if (param.items() != null) {
                    documented.put(path + "[]", param);
                    template.append("[[").append(path).append("[]={{.}}]]");
                }
                String inner = path + (param.type().equals("array") ? "[]." : ".");
                for (Param nested : param.params()) generate(inner, nested, template, documented);
                template.append("{{/").append(name).append("}}");
            }
            default -> {
                documented.put(path, param);
                template.append("[[").append(path).append("={{").append(name).append("}}]]");
            }
        }
    }
}
