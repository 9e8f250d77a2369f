package io.sitechrome.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitechrome.Fixtures;
import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigLoader;
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
}
