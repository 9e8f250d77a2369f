package io.sitechrome.render;

import io.sitechrome.i18n.Messages;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.model.Link;
import io.sitechrome.model.SiteLocale;
import io.sitechrome.model.Text;
import java.util.List;
import java.util.Map;

/** What a view is built from: the configuration, the variant, and its locale's texts. */
final class ViewContext {

    final ChromeConfig config;
    final Variant variant;
    final SiteLocale locale;
    final Messages messages;
    private final List<String> chain;

    ViewContext(ChromeConfig config, Variant variant) {
        this.config = config;
        this.variant = variant;
        List<SiteLocale> locales = config.site().locales();
        this.locale = locales.get(variant.locale());
        this.chain = locale.fallbackChain(config.site().defaultLocale());
        this.messages = Messages.forTag(locale.tag());
    }

    /** The designer's text in this locale, or null for none. */
    String text(Text text) {
        return text == null ? null : Slot.literal(text.in(chain));
    }

    /** The designer's text, or the built-in string {@code key} (or its override) when the designer gave none. */
    String text(Text text, String key) {
        return text == null ? message(key) : Slot.literal(text.in(chain));
    }

    /** A built-in string, or the designer's override of it. */
    String message(String key) {
        return message(key, Map.of());
    }

    String message(String key, Map<String, Object> arguments) {
        Text override = config.strings().get(key);
        return override == null ? messages.format(key, arguments)
                : Messages.format(Slot.literal(override.in(chain)), locale.tag(), arguments);
    }

    /** A configured URL with {@code {locale}} filled in. */
    String url(String href) {
        return href == null ? null : Slot.literal(href.replace("{locale}", locale.tag()));
    }

    LinkView link(Link link) {
        return link == null ? null : new LinkView(text(link.label()), url(link.href()), false);
    }

    List<LinkView> links(List<Link> links) {
        return links.stream().map(this::link).toList();
    }

    String endpoint(String path) {
        return variant.endpoints() + path;
    }

    String lang() {
        return locale.tag();
    }

    String dir() {
        return locale.dir();
    }
}
