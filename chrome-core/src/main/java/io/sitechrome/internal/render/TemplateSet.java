package io.sitechrome.internal.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheResolver;
import io.sitechrome.config.ConfigException;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.render.Component;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.encoder.Encode;

/**
 * The compiled templates of one configuration: the built-in ones, each replaced by a
 * file of the same name in the designer's template folder when there is one. The
 * designer's files are the texts read at load ({@link io.sitechrome.model.Site#templateFiles()}),
 * never read again, so what is compiled is what the configuration's version covers. Every
 * variable is HTML-escaped (text and quoted attributes) with the OWASP encoder.
 */
public final class TemplateSet {

    /**
     * Where the built-in templates are: one folder per template, as GOV.UK Frontend keeps its
     * components, holding {@code NAME.mustache} and {@code NAME.params.yaml}, the inputs it may use.
     */
    static final String BUILT_IN = "/io/sitechrome/render/components/";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]*\\.mustache");
    private static final Pattern LINE = Pattern.compile("@\\[[^:\\]]*:(\\d+)\\]");

    private final Map<Component, Mustache> templates = new EnumMap<>(Component.class);
    private final Path overrides;
    private final Map<String, String> overrideTexts;

    /**
     * @param overrides     the designer's template folder, or null
     * @param overrideTexts the texts of the templates in it, by file name
     * @throws ConfigException when a template does not compile
     */
    public TemplateSet(Path overrides, Map<String, String> overrideTexts) throws ConfigException {
        this.overrides = overrides;
        this.overrideTexts = overrideTexts;
        DefaultMustacheFactory factory = new Factory(overrideTexts);
        for (Component component : Component.values()) {
            String name = templateName(component);
            try {
                templates.put(component, factory.compile(name));
            } catch (MustacheException | StackOverflowError e) {
                throw new ConfigException(List.of(problem(name, e)));
            }
        }
    }

    Mustache get(Component component) {
        return templates.get(component);
    }

    static String templateName(Component component) {
        return component.id() + ".mustache";
    }

    /**
     * The class-path resource of the built-in template {@code name}.
     *
     * @param name a template's file name, such as {@code header.mustache}
     * @return its resource path, such as {@code /io/sitechrome/render/components/header/header.mustache}
     */
    static String builtInResource(String name) {
        return BUILT_IN + name.substring(0, name.length() - ".mustache".length()) + "/" + name;
    }

    /**
     * A problem naming the template that failed: a designer's file the message mentions, else the
     * designer's file for {@code name}, else the built-in {@code name}; at the line the message gives.
     */
    ConfigProblem problem(String name, Throwable e) {
        String message = e instanceof StackOverflowError ? "it nests sections or partials too deeply"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
        String culprit = name;
        for (String override : overrideTexts.keySet()) {
            if (message.contains(override)) culprit = override;
        }
        String file = overrides != null && overrideTexts.containsKey(culprit) ? overrides.resolve(culprit).toString() : culprit;
        Matcher line = LINE.matcher(message);
        int lineNumber = line.find() ? Integer.parseInt(line.group(1)) : 1;
        return new ConfigProblem(file, lineNumber, 1, "site.templates", "template error: " + message);
    }

    private static final class Factory extends DefaultMustacheFactory {
        Factory(Map<String, String> overrideTexts) {
            super(new Resolver(overrideTexts));
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

    private record Resolver(Map<String, String> overrideTexts) implements MustacheResolver {
        @Override
        public Reader getReader(String resourceName) {
            String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
            if (!NAME.matcher(name).matches()) return null;
            String override = overrideTexts.get(name);
            if (override != null) return new StringReader(override);
            InputStream in = TemplateSet.class.getResourceAsStream(builtInResource(name));
            return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
        }
    }
}
