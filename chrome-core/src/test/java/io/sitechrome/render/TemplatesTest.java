package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.config.ConfigProblem;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {

    private static Path complete() {
        try {
            return Path.of(TemplatesTest.class.getResource("/io/sitechrome/config/complete.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTemplateInTheDesignersFolderReplacesTheBuiltInOneOfTheSameName() throws ConfigException {
        Chrome chrome = Chrome.of(ConfigLoader.load(complete()), Fixtures.CLOCK_2024);
        Document skip = Fixtures.html(chrome.render(Component.SKIP_LINK, ChromeRequest.builder().locale("de").build()));
        Element link = skip.selectFirst("a.custom-skip[data-custom-template]");
        assertNotNull(link, skip.body().html());
        assertEquals("Zum Inhalt", link.text());
        assertEquals("#content", link.attr("href"));
        assertEquals("de", link.attr("lang"));
        Document header = Fixtures.html(chrome.render(Component.HEADER, ChromeRequest.anonymous()));
        assertNotNull(header.selectFirst("header.chrome-header"), "templates without an override stay built in");
    }

    @Test
    void aBrokenTemplateIsAConfigurationProblem(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Files.writeString(templates.resolve("footer.mustache"), "<footer>\n{{#links}}\n<a>{{label}}</a>\n</footer>\n");
        Path config = dir.resolve("chrome.yaml");
        Files.writeString(config, Fixtures.MINIMAL.replace("  locales:", "  templates: templates\n  locales:"));
        ConfigException e = assertThrows(ConfigException.class, () -> Chrome.load(config));
        assertEquals(1, e.problems().size());
        ConfigProblem problem = e.problems().get(0);
        assertEquals(templates.resolve("footer.mustache").toString(), problem.file());
        assertEquals("site.templates", problem.path());
        assertTrue(problem.message().startsWith("template error"), problem.message());
    }

    private static Path configWithTemplates(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Path config = dir.resolve("chrome.yaml");
        Files.writeString(config, Fixtures.MINIMAL.replace("  locales:", "  templates: templates\n  locales:")
                .replace("- { tag: en, name: English }", "- { tag: en, name: English }\n    - { tag: ar, name: Arabic, dir: rtl }"));
        return config;
    }

    @Test
    void aTemplateThatIncludesItselfIsRefusedAtLoadNamingIt(@TempDir Path dir) throws Exception {
        Path config = configWithTemplates(dir);
        Path skipLink = dir.resolve("templates/skip-link.mustache");
        Files.writeString(skipLink, "<a href=\"{{target}}\">{{text}}</a>\n{{> skip-link}}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Chrome.load(config));
        assertEquals(1, e.problems().size(), e.getMessage());
        ConfigProblem problem = e.problems().get(0);
        assertEquals(skipLink.toString(), problem.file());
        assertEquals("site.templates", problem.path());
        assertTrue(problem.toString().startsWith(skipLink + ":"), problem.toString());
    }

    @Test
    void templatesThatIncludeEachOtherAreRefusedAtLoad(@TempDir Path dir) throws Exception {
        Path config = configWithTemplates(dir);
        Files.writeString(dir.resolve("templates/account-menu.mustache"), "<div>{{> locale-picker}}</div>\n");
        Files.writeString(dir.resolve("templates/locale-picker.mustache"), "<div>{{> account-menu}}</div>\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Chrome.load(config));
        assertEquals("site.templates", e.problems().get(0).path(), e.getMessage());
        assertTrue(e.problems().get(0).file().startsWith(dir.resolve("templates").toString()), e.getMessage());
    }

    @Test
    void aTemplateNestedDeeplyEnoughToOverflowTheStackIsAProblemNotACrash(@TempDir Path dir) throws Exception {
        Path config = configWithTemplates(dir);
        Path footer = dir.resolve("templates/footer.mustache");
        Files.writeString(footer, overflowingTemplate());
        ConfigException e = assertThrows(ConfigException.class, () -> Chrome.load(config));
        assertEquals(footer + ":1:1: site.templates: template error: it nests sections or partials too deeply", e.getMessage());
    }

    /** Sections nested far beyond any stack, inside the size limit of a template. */
    static String overflowingTemplate() {
        return "{{#a}}".repeat(20_000) + "x" + "{{/a}}".repeat(20_000);
    }
}
