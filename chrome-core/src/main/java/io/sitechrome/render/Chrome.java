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

    /**
     * Loads, validates and compiles the configuration in {@code file}.
     *
     * @param file the configuration file (YAML or JSON)
     * @return the chrome of that configuration
     * @throws ConfigException listing every problem, when the file cannot be read, is not valid, or a
     *                         designer's template does not compile or render
     */
    public static Chrome load(Path file) throws ConfigException {
        return of(ConfigLoader.load(file));
    }

    /**
     * Loads a configuration bundled on the class path next to {@code anchor}.
     *
     * @param anchor   the class whose {@link Class#getResourceAsStream(String)} finds the resource
     * @param resource the resource's name, relative to {@code anchor}'s package unless it starts with {@code /}
     * @return the chrome of that configuration
     * @throws ConfigException when there is no such resource, or it is not a valid configuration
     */
    public static Chrome loadResource(Class<?> anchor, String resource) throws ConfigException {
        return of(ConfigLoader.loadResource(anchor, resource));
    }

    /**
     * Compiles a loaded configuration and renders every component once in every locale and state
     * family; fails when a designer's template does not compile or cannot render.
     *
     * @param config a configuration from {@link ConfigLoader}
     * @return the chrome of that configuration, with the system clock
     * @throws ConfigException naming the template and place, when a template does not compile or render
     */
    public static Chrome of(ChromeConfig config) throws ConfigException {
        return new Chrome(config, Clock.systemUTC());
    }

    /**
     * As {@link #of(ChromeConfig)}, with the clock that gives the copyright year.
     *
     * @param config a configuration from {@link ConfigLoader}
     * @param clock  the clock whose current year replaces {@code {year}} in the copyright line
     * @return the chrome of that configuration
     * @throws ConfigException naming the template and place, when a template does not compile or render
     */
    public static Chrome of(ChromeConfig config, Clock clock) throws ConfigException {
        return new Chrome(config, clock);
    }

    /**
     * The configuration this chrome renders.
     *
     * @return the validated, immutable configuration
     */
    public ChromeConfig config() {
        return config;
    }

    /**
     * A short hash of everything that shapes the output: the configuration file's bytes and every
     * template in its template folder. The rendered header and footer carry it.
     *
     * @return the configuration's version hash
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

    /**
     * Resolves one request (locale, visitor, consent, current page), ready to render its components.
     *
     * @param request what the page and visitor are
     * @return the chrome of that page, which renders any component
     */
    public PageChrome forRequest(ChromeRequest request) {
        return new PageChrome(renderer, resolver.resolve(request));
    }

    /**
     * Renders one component for one request, into {@code out}.
     *
     * @param component the component to render
     * @param request   what the page and visitor are
     * @param out       where the HTML is written
     * @throws IOException when {@code out} fails
     */
    public void render(Component component, ChromeRequest request, Appendable out) throws IOException {
        renderer.render(component, resolver.resolve(request), out);
    }

    /**
     * Renders one component for one request, as a string.
     *
     * @param component the component to render
     * @param request   what the page and visitor are
     * @return the component's HTML
     */
    public String render(Component component, ChromeRequest request) {
        return forRequest(request).render(component);
    }

    /**
     * The negotiator that matches language tags and Accept-Language headers against the site's locales.
     *
     * @return the site's locale negotiator
     */
    public LocaleNegotiator locales() {
        return resolver.negotiator();
    }

    /**
     * The site locale with exactly this tag.
     *
     * @param tag a language tag, compared without regard to case; may be null
     * @return the site locale, or null when the site has none with that tag
     */
    public SiteLocale locale(String tag) {
        return resolver.negotiator().exact(tag);
    }

    /**
     * The codec that reads and writes the site's consent cookie.
     *
     * @return the consent cookie codec, or null when the site has no cookie settings
     */
    public ConsentCookie consentCookie() {
        return consentCookie;
    }

    /**
     * The rules that decide which cookie categories a visitor has allowed.
     *
     * @return the consent policy, or null when the site has no cookie settings
     */
    public ConsentPolicy consentPolicy() {
        return consentPolicy;
    }

    /**
     * The chrome's stylesheet, with the theme's tokens.
     *
     * @return the stylesheet, named by a hash of its content
     */
    public Asset stylesheet() {
        return assets.stylesheet();
    }

    /**
     * The chrome's script (menus, banners, cookie controls).
     *
     * @return the script, named by a hash of its content
     */
    public Asset script() {
        return assets.script();
    }

    /**
     * The assets the rendered chrome links to: the stylesheet, the script, and the Google Consent
     * Mode script when the configuration uses it (for a static export to write them all).
     *
     * @return the assets, the stylesheet first
     */
    public List<Asset> assets() {
        boolean consentMode = config.cookies() != null && !config.cookies().googleConsentMode().isEmpty();
        return consentMode ? List.of(assets.stylesheet(), assets.script(), assets.consentModeScript())
                : List.of(assets.stylesheet(), assets.script());
    }

    /**
     * The asset with this hashed name, as a request for it names it.
     *
     * @param name a file name, such as {@code chrome.3f9a1c2b7d.css}
     * @return the asset, or null when none of this chrome's assets has that name
     */
    public Asset asset(String name) {
        return assets.byName(name);
    }
}
