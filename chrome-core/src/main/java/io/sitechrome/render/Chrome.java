package io.sitechrome.render;

import io.sitechrome.config.ConfigException;
import io.sitechrome.internal.config.ConfigLoader;
import io.sitechrome.consent.ConsentCookie;
import io.sitechrome.consent.ConsentPolicy;
import io.sitechrome.i18n.LocaleNegotiator;
import io.sitechrome.internal.render.Assets;
import io.sitechrome.internal.render.RenderCheck;
import io.sitechrome.internal.render.Renderer;
import io.sitechrome.internal.render.RequestResolver;
import io.sitechrome.internal.render.TemplateSet;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.model.SiteLocale;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The site chrome of one configuration: immutable and thread-safe, so one instance
 * serves every request until a reload replaces it.
 *
 * <pre>{@code
 * Chrome chrome = Chrome.load(Path.of("chrome.yaml"));
 * PageChrome page = chrome.forRequest(ChromeRequest.builder()
 *         .locale("de").visitor(Visitor.of("Ada", null, 3)).path("/legal").build());
 * String header = page.render(Component.HEADER);
 * }</pre>
 */
public final class Chrome {

    private final ChromeConfig config;
    private final Assets assets;
    private final Renderer renderer;
    private final RequestResolver resolver;
    private final ConsentCookie consentCookie;
    private final ConsentPolicy consentPolicy;

    private Chrome(ChromeConfig config, Clock clock) throws ConfigException {
        this.config = config;
        this.assets = new Assets(config.theme());
        TemplateSet templates = new TemplateSet(config.site().templates(), config.site().templateFiles());
        this.renderer = new Renderer(config, templates, assets);
        RenderCheck.verify(config, templates, renderer);
        this.resolver = new RequestResolver(config, clock);
        this.consentPolicy = config.cookies() == null ? null : new ConsentPolicy(config.cookies());
        this.consentCookie = config.cookies() == null ? null : ConsentCookie.forSite(config.cookies(), config.source());
    }

    /** Loads, validates and compiles the configuration in {@code file}. */
    public static Chrome load(Path file) throws ConfigException {
        return of(ConfigLoader.load(file));
    }

    /** Loads a configuration bundled on the class path next to {@code anchor}. */
    public static Chrome loadResource(Class<?> anchor, String resource) throws ConfigException {
        return of(ConfigLoader.loadResource(anchor, resource));
    }

    /**
     * Compiles a loaded configuration and renders every component once in every locale and state
     * family; fails when a designer's template does not compile or cannot render.
     */
    public static Chrome of(ChromeConfig config) throws ConfigException {
        return new Chrome(config, Clock.systemUTC());
    }

    /** As {@link #of(ChromeConfig)}, with the clock that gives the copyright year. */
    public static Chrome of(ChromeConfig config, Clock clock) throws ConfigException {
        return new Chrome(config, clock);
    }

    public ChromeConfig config() {
        return config;
    }

    /**
     * A short hash of everything that shapes the output: the configuration file's bytes and every
     * template in its template folder. The rendered header and footer carry it.
     */
    public String version() {
        return config.version();
    }

    /**
     * Which locales show texts in another language (a designer's text without a translation for
     * them, or a language the built-in strings do not ship in), such as {@code he: 24 texts fall
     * back to en}: one line per such locale, in the order of {@code site.locales}. Such texts are
     * rendered with that other language's {@code lang} and {@code dir}.
     *
     * @return the summary lines, none when every text is in its page's language
     */
    public List<String> languageFallbacks() {
        return renderer.languageFallbacks();
    }

    /** Resolves one request, ready to render its components. */
    public PageChrome forRequest(ChromeRequest request) {
        return new PageChrome(renderer, resolver.resolve(request));
    }

    /** One component for one request, into {@code out}. */
    public void render(Component component, ChromeRequest request, Appendable out) throws IOException {
        renderer.render(component, resolver.resolve(request), out);
    }

    /** One component for one request, as a string. */
    public String render(Component component, ChromeRequest request) {
        return forRequest(request).render(component);
    }

    /** Matches an Accept-Language header against the site's locales. */
    public LocaleNegotiator locales() {
        return resolver.negotiator();
    }

    /** The site locale with exactly this tag, or null. */
    public SiteLocale locale(String tag) {
        return resolver.negotiator().exact(tag);
    }

    /** The consent cookie codec, or null when the site has no cookie settings. */
    public ConsentCookie consentCookie() {
        return consentCookie;
    }

    /** The consent rules, or null when the site has no cookie settings. */
    public ConsentPolicy consentPolicy() {
        return consentPolicy;
    }

    public Asset stylesheet() {
        return assets.stylesheet();
    }

    public Asset script() {
        return assets.script();
    }

    /**
     * The assets the rendered chrome links to: the stylesheet, the script, and the Google Consent
     * Mode script when the configuration uses it (for a static export to write them all).
     */
    public List<Asset> assets() {
        boolean consentMode = config.cookies() != null && !config.cookies().googleConsentMode().isEmpty();
        return consentMode ? List.of(assets.stylesheet(), assets.script(), assets.consentModeScript())
                : List.of(assets.stylesheet(), assets.script());
    }

    /** The asset with this hashed name, or null. */
    public Asset asset(String name) {
        return assets.byName(name);
    }
}
