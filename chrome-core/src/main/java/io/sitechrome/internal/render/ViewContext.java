package io.sitechrome.internal.render;

import io.sitechrome.internal.i18n.Messages;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.model.Link;
import io.sitechrome.model.SiteLocale;
import io.sitechrome.model.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a view is built from: the configuration, the variant, and its locale's texts. */
final class ViewContext {

    final ChromeConfig config;
    final Variant variant;
    final SiteLocale locale;
    final Messages messages;
    private final List<String> chain;
    private final LanguageFallbacks fallbacks;

    ViewContext(ChromeConfig config, Variant variant, LanguageFallbacks fallbacks) {
        this.config = config;
        this.variant = variant;
        List<SiteLocale> locales = config.site().locales();
        this.locale = locales.get(variant.locale());
        this.chain = locale.fallbackChain(config.site().defaultLocale());
        this.messages = Messages.forTag(locale.tag());
        this.fallbacks = fallbacks;
    }

    /** The designer's text in this locale, or null for none; marked with its language when it falls back to another. */
    String text(Text text) {
        return text == null ? null : inLanguage(text, Slot.literal(text.in(chain)), text.sourceTag(chain));
    }

    /** The designer's text, or the built-in string {@code key} (or its override) when the designer gave none. */
    String text(Text text, String key) {
        return text == null ? message(key) : text(text);
    }

    /** A built-in string, or the designer's override of it. */
    String message(String key) {
        return message(key, Map.of());
    }

    String message(String key, Map<String, Object> arguments) {
        Text override = config.strings().get(key);
        if (override == null) return inLanguage("message:" + key, messages.format(key, arguments), messages.tag());
        return inLanguage(override, Messages.format(Slot.literal(override.in(chain)), locale.tag(), arguments), override.sourceTag(chain));
    }

    /**
     * {@code shown}, marked as being in {@code tag} when that is another language than the page's
     * (a text with no language of its own, {@code tag} null, is taken as the page's).
     */
    private String inLanguage(Object text, String shown, String tag) {
        if (tag == null || sameLanguage(tag, locale.tag())) return shown;
        fallbacks.record(variant.locale(), text, tag);
        return LanguageMarks.wrap(shown, tag, rightToLeft(tag));
    }

    /** Same language, and the same script where both tags name one (zh-Hans is not zh-Hant). */
    private static boolean sameLanguage(String a, String b) {
        Locale first = Locale.forLanguageTag(a);
        Locale second = Locale.forLanguageTag(b);
        return first.getLanguage().equals(second.getLanguage())
                && (first.getScript().isEmpty() || second.getScript().isEmpty() || first.getScript().equals(second.getScript()));
    }

    /** The direction of a site locale the tag names (its own or a prefix of it), else of the language. */
    private boolean rightToLeft(String tag) {
        for (SiteLocale siteLocale : config.site().locales()) {
            String t = siteLocale.tag().toLowerCase(Locale.ROOT);
            String k = tag.toLowerCase(Locale.ROOT);
            if (t.equals(k) || t.startsWith(k + "-")) return siteLocale.rightToLeft();
        }
        return SiteLocale.of(tag, tag).rightToLeft();
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
