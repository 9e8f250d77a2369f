package io.sitechrome.internal.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheResolver;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
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
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.owasp.encoder.Encode;

/**
 * The chrome rendered the straightforward way, as the baseline the cached renderer is
 * measured against: the same templates, compiled once, and for every request a fresh view
 * of every component built from the configuration and executed by Mustache.java.
 *
 * <p>The view factories put slot markers where per-request values go; here each marker is
 * replaced, as Mustache escapes the value holding it, by the request's value, so the view
 * prints exactly what a view built with the values themselves would print. Not thread-safe:
 * one instance per thread.
 */
public final class NaiveChrome {

    private final ChromeConfig config;
    private final Assets assets;
    private final RequestResolver resolver;
    private final LanguageFallbacks fallbacks = new LanguageFallbacks();
    private final Map<Component, Mustache> templates = new EnumMap<>(Component.class);
    private SlotValues values;

    public NaiveChrome(ChromeConfig config) {
        this.config = config;
        this.assets = new Assets(config.theme());
        this.resolver = new RequestResolver(config, Clock.systemUTC());
        DefaultMustacheFactory factory = new Factory(config.site().templates());
        for (Component component : Component.values()) templates.put(component, factory.compile(component.id() + ".mustache"));
    }

    /** Every component of {@code request}, in page order, into {@code out}. */
    public void render(ChromeRequest request, Writer out) {
        RequestFacts facts = resolver.resolve(request);
        values = facts.slotValues();
        for (Component component : Component.values()) {
            Variant variant = facts.variantFor(component);
            ViewContext context = new ViewContext(config, variant, fallbacks);
            Object view = switch (component) {
                case HEAD -> HeadView.of(context, assets);
                case COOKIE_BANNER -> CookieBannerView.of(context);
                case SKIP_LINK -> SkipLinkView.of(context);
                case BANNERS -> BannersView.of(context);
                case HEADER -> HeaderView.of(context);
                case FOOTER -> FooterView.of(context);
                case SCRIPTS -> ScriptsView.of(context, assets);
            };
            if (view != null) templates.get(component).execute(out, view);
        }
    }

    /** HTML-escapes {@code value}, with the request's (already escaped) value in place of each slot marker. */
    private void encode(String value, Writer writer) throws IOException {
        int marker = value.indexOf(Slot.START);
        if (marker < 0) {
            Encode.forHtml(writer, value);
            return;
        }
        int start = 0;
        for (; marker >= 0 && marker + 1 < value.length(); marker = value.indexOf(Slot.START, start)) {
            Encode.forHtml(writer, value.substring(start, marker));
            char id = value.charAt(marker + 1);
            Slot slot = Slot.byId(id);
            if (Slot.isLiteral(id)) writer.write(Slot.START);
            else if (slot != null) writer.write(values.get(slot));
            else Encode.forHtml(writer, value.substring(marker, marker + 2));
            start = marker + 2;
        }
        Encode.forHtml(writer, value.substring(start));
    }

    private final class Factory extends DefaultMustacheFactory {
        Factory(Path overrides) {
            super(new Resolver(overrides));
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                NaiveChrome.this.encode(value, writer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Resolver(Path overrides) implements MustacheResolver {
        @Override
        public Reader getReader(String resourceName) {
            String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
            try {
                if (overrides != null && Files.isRegularFile(overrides.resolve(name))) {
                    return new StringReader(Files.readString(overrides.resolve(name)));
                }
                InputStream in = NaiveChrome.class.getResourceAsStream(TemplateSet.builtInResource(name));
                return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
