package io.sitechrome.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheResolver;
import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.encoder.Encode;

/**
 * The compiled templates of one configuration: the built-in ones, each replaced by a
 * file of the same name in the designer's template folder when there is one. Every
 * variable is HTML-escaped (text and quoted attributes) with the OWASP encoder.
 */
final class TemplateSet {

    private static final String BUILT_IN = "/io/sitechrome/render/templates/";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]*\\.mustache");
    private static final Pattern LINE = Pattern.compile("@\\[[^:\\]]*:(\\d+)\\]");

    private final Map<Component, Mustache> templates = new EnumMap<>(Component.class);

    TemplateSet(Path overrides) throws ConfigException {
        DefaultMustacheFactory factory = new Factory(overrides);
        for (Component component : Component.values()) {
            String name = component.id() + ".mustache";
            try {
                templates.put(component, factory.compile(name));
            } catch (MustacheException e) {
                throw new ConfigException(List.of(problem(overrides, name, e)));
            }
        }
    }

    Mustache get(Component component) {
        return templates.get(component);
    }

    private static ConfigProblem problem(Path overrides, String name, MustacheException e) {
        String file = overrides != null && Files.exists(overrides.resolve(name)) ? overrides.resolve(name).toString() : name;
        String message = e.getMessage() == null ? "invalid template" : e.getMessage();
        Matcher line = LINE.matcher(message);
        int lineNumber = line.find() ? Integer.parseInt(line.group(1)) : 1;
        return new ConfigProblem(file, lineNumber, 1, "site.templates", "template error: " + message);
    }

    private static final class Factory extends DefaultMustacheFactory {
        Factory(Path overrides) {
            super(new Resolver(overrides));
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                Encode.forHtml(writer, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Resolver(Path overrides) implements MustacheResolver {
        @Override
        public Reader getReader(String resourceName) {
            String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
            if (!NAME.matcher(name).matches()) return null;
            try {
                if (overrides != null) {
                    Path file = overrides.resolve(name);
                    if (Files.isRegularFile(file)) return new StringReader(Files.readString(file));
                }
                InputStream in = TemplateSet.class.getResourceAsStream(BUILT_IN + name);
                return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
