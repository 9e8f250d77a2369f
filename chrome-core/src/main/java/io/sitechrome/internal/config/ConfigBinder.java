package io.sitechrome.internal.config;

import io.sitechrome.config.ConfigContent;
import io.sitechrome.config.ConfigProblem;
import io.sitechrome.internal.i18n.Messages;
import io.sitechrome.model.Account;
import io.sitechrome.model.Banner;
import io.sitechrome.model.Brand;
import io.sitechrome.model.ChromeConfig;
import io.sitechrome.model.CookieSettings;
import io.sitechrome.model.Footer;
import io.sitechrome.model.Header;
import io.sitechrome.model.Link;
import io.sitechrome.model.NavItem;
import io.sitechrome.model.Site;
import io.sitechrome.model.SiteLocale;
import io.sitechrome.model.SkipLink;
import io.sitechrome.model.Text;
import io.sitechrome.model.Theme;
import io.sitechrome.internal.theme.Colour;
import io.sitechrome.internal.theme.ContrastCheck;
import io.sitechrome.internal.theme.Palette;
import io.sitechrome.theme.ThemeToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds the immutable model from a schema-valid tree, and checks what a schema cannot
 * say: unique ids, well-formed locale tags, texts naming known locales, cross references,
 * colours.
 */
final class ConfigBinder {

    private final YamlDocument document;
    private final String file;
    private final List<ConfigProblem> problems;
    private List<String> localeTags = List.of();
    private TemplateFolder templateFolder = TemplateFolder.NONE;

    /**
     * A binder for one (merged) document.
     *
     * @param document the document, its bases laid under it
     * @param file     the name problems give when a value's own document is not known
     * @param problems where the problems the schema cannot find (unknown locales, unsafe URLs, ...) go
     */
    ConfigBinder(YamlDocument document, String file, List<ConfigProblem> problems) {
        this.document = document;
        this.file = file;
        this.problems = problems;
    }

    /**
     * The model of the document; {@code content} is what it was read from, which with the templates makes its version.
     *
     * @param content the bytes the document was read from, with its bases
     * @return the configuration; meaningful only when no problem was added
     */
    ChromeConfig bind(ConfigContent content) {
        ConfigNode root = document.root;
        Site site = site(root.path("site"), "site");
        SkipLink skipLink = root.has("skipLink") ? skipLink(root.get("skipLink")) : SkipLink.DEFAULT;
        Brand brand = brand(root.path("brand"), "brand");
        Header header = root.has("header") ? header(root.get("header"), "header") : Header.EMPTY;
        Account account = root.has("account") ? account(root.get("account"), "account") : null;
        List<Banner> banners = list(root.path("banners"), "banners", this::banner);
        requireUnique(root.path("banners"), "banners", "id", "banner id");
        Footer footer = root.has("footer") ? footer(root.get("footer"), "footer") : Footer.EMPTY;
        CookieSettings cookies = root.has("cookies") ? cookies(root.get("cookies"), "cookies") : null;
        Theme theme = root.has("theme") ? theme(root.get("theme"), "theme") : Theme.EMPTY;
        Map<String, Text> strings = new LinkedHashMap<>();
        root.path("strings").fields().forEachRemaining(e -> {
            String path = "strings." + e.getKey();
            checkMessagePatterns(e.getValue(), path);
            strings.put(e.getKey(), text(e.getValue(), path));
        });
        String version = ConfigLoader.version(content, templateFolder);
        return new ChromeConfig(version, file, site, skipLink, brand, header, account, banners, footer, cookies, theme, strings);
    }

    private Site site(ConfigNode node, String path) {
        List<SiteLocale> locales = new ArrayList<>();
        ConfigNode list = node.path("locales");
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ConfigNode entry = list.get(i);
            String entryPath = ConfigPath.index(ConfigPath.child(path, "locales"), i);
            String tag = entry.path("tag").asText();
            try {
                tag = new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
            } catch (IllformedLocaleException e) {
                problem(entryPath + ".tag", "'" + tag + "' is not a well-formed locale tag: " + e.getMessage());
                continue;
            }
            if (!seen.add(tag.toLowerCase(Locale.ROOT))) {
                problem(entryPath + ".tag", "locale '" + tag + "' is listed twice");
                continue;
            }
            SiteLocale locale = SiteLocale.of(tag, entry.path("name").asText());
            if (entry.has("dir")) locale = new SiteLocale(tag, locale.name(), entry.get("dir").asText().equals("rtl"));
            locales.add(locale);
        }
        localeTags = locales.stream().map(SiteLocale::tag).toList();
        Path templates = null;
        Map<String, String> templateFiles = Map.of();
        Path folder = document.folderAt(path + ".templates");
        if (node.has("templates") && folder == null) {
            problem(path + ".templates", "a configuration read from a URL cannot name a local template folder;"
                    + " set site.templates in a local configuration that extends it");
        } else if (node.has("templates")) {
            templates = folder.resolve(node.get("templates").asText()).normalize();
            if (!Files.isDirectory(templates)) {
                problem(path + ".templates", "template folder " + templates + " does not exist");
            } else {
                templateFolder = TemplateFolder.read(templates);
                templateFiles = templateFolder.texts(problems);
            }
        }
        if (locales.isEmpty()) locales.add(SiteLocale.of("en", "English"));
        return new Site(text(node.path("name"), path + ".name"), node.path("url").asText(), locales, templates, templateFiles);
    }

    private SkipLink skipLink(ConfigNode node) {
        Text text = node.has("text") ? text(node.get("text"), "skipLink.text") : null;
        return new SkipLink(text, node.path("target").asText("#main"));
    }

    private Brand brand(ConfigNode node, String path) {
        Brand.Logo logo = null;
        if (node.has("logo")) {
            ConfigNode l = node.get("logo");
            logo = new Brand.Logo(l.path("src").asText(), text(l.path("alt"), path + ".logo.alt"), optional(l, "href"),
                    l.has("width") ? l.get("width").asInt() : null, l.has("height") ? l.get("height").asInt() : null);
        }
        ConfigNode name = node.path("name");
        return new Brand(logo, text(name.path("text"), path + ".name.text"), optional(name, "href"));
    }

    private Header header(ConfigNode node, String path) {
        List<NavItem> nav = list(node.path("nav"), path + ".nav", (item, itemPath) -> {
            boolean hasHref = item.has("href");
            boolean hasItems = item.has("items");
            if (hasHref && hasItems) {
                problem(itemPath, "a nav item has either href (a link) or items (a drop-down), not both");
            } else if (!hasHref && !hasItems && !misspells(item, "href", "items")) {
                problem(itemPath, "a nav item needs href (a link) or items (a drop-down)");
            }
            return new NavItem(text(item.path("label"), itemPath + ".label"), optional(item, "href"),
                    list(item.path("items"), itemPath + ".items", this::link));
        });
        List<Link> actions = list(node.path("actions"), path + ".actions", this::link);
        Link chat = node.has("chat") ? link(node.get("chat"), path + ".chat") : null;
        Text more = node.has("more") ? text(node.get("more"), path + ".more") : null;
        return new Header(nav, actions, chat, more);
    }

    private Account account(ConfigNode node, String path) {
        ConfigNode signIn = node.path("signIn");
        Text signInLabel = signIn.has("label") ? text(signIn.get("label"), path + ".signIn.label") : null;
        return new Account(new Link(signInLabel, signIn.path("href").asText()),
                node.has("signUp") ? link(node.get("signUp"), path + ".signUp") : null,
                node.has("label") ? text(node.get("label"), path + ".label") : null,
                list(node.path("menu"), path + ".menu", this::link));
    }

    private Banner banner(ConfigNode node, String path) {
        Banner.Severity severity = switch (node.path("severity").asText("info")) {
            case "warning" -> Banner.Severity.WARNING;
            case "critical" -> Banner.Severity.CRITICAL;
            default -> Banner.Severity.INFO;
        };
        return new Banner(node.path("id").asText(), severity, text(node.path("title"), path + ".title"),
                text(node.path("text"), path + ".text"), node.has("link") ? link(node.get("link"), path + ".link") : null,
                strings(node.path("countries")), strings(node.path("exceptCountries")), node.path("dismissible").asBoolean(false),
                node.path("placement").asText("top").equals("footer") ? Banner.Placement.FOOTER : Banner.Placement.TOP);
    }

    private Footer footer(ConfigNode node, String path) {
        List<Footer.Column> columns = list(node.path("columns"), path + ".columns", (column, columnPath) ->
                new Footer.Column(text(column.path("heading"), columnPath + ".heading"),
                        list(column.path("links"), columnPath + ".links", this::link)));
        List<Footer.BottomLink> links = list(node.path("links"), path + ".links", (link, linkPath) -> {
            if (link.has("href") && link.has("action")) {
                problem(linkPath, "a footer link has either href or action, not both");
            } else if (!link.has("href") && !link.has("action") && !misspells(link, "href", "action")) {
                problem(linkPath, "a footer link needs href or action");
            }
            return new Footer.BottomLink(text(link.path("label"), linkPath + ".label"), optional(link, "href"),
                    optional(link, "action"), optional(link, "icon"), strings(link.path("countries")));
        });
        List<Footer.SocialLink> social = list(node.path("social"), path + ".social", (link, linkPath) ->
                new Footer.SocialLink(link.path("network").asText(), text(link.path("label"), linkPath + ".label"),
                        link.path("href").asText()));
        Text copyright = node.has("copyright") ? text(node.get("copyright"), path + ".copyright") : null;
        Footer.LocalePicker picker = node.path("localePicker").asText("list").equals("compact") ? Footer.LocalePicker.COMPACT : Footer.LocalePicker.LIST;
        return new Footer(columns, links, social, copyright, picker);
    }

    private CookieSettings cookies(ConfigNode node, String path) {
        List<CookieSettings.Category> categories = list(node.path("categories"), path + ".categories", this::category);
        requireUnique(node.path("categories"), path + ".categories", "id", "category id");
        Set<String> categoryIds = new LinkedHashSet<>();
        categories.forEach(c -> categoryIds.add(c.id()));
        Set<String> required = new LinkedHashSet<>();
        categories.stream().filter(CookieSettings.Category::required).forEach(c -> required.add(c.id()));

        Set<String> saleOrSharing = strings(node.path("saleOrSharing"));
        ConfigNode sale = node.path("saleOrSharing");
        for (int i = 0; i < sale.size(); i++) {
            String id = sale.get(i).asText();
            String itemPath = ConfigPath.index(path + ".saleOrSharing", i);
            if (!categoryIds.contains(id)) problem(itemPath, "unknown category '" + id + "'" + DidYouMean.suggest(id, categoryIds));
            else if (required.contains(id)) problem(itemPath, "category '" + id + "' is required, so it cannot be switched off for sale or sharing");
        }
        List<CookieSettings.GatedScript> scripts = list(node.path("scripts"), path + ".scripts", (script, scriptPath) -> {
            String category = script.path("category").asText();
            if (!categoryIds.contains(category)) {
                problem(scriptPath + ".category", "unknown category '" + category + "'" + DidYouMean.suggest(category, categoryIds));
            }
            return new CookieSettings.GatedScript(category, script.path("src").asText());
        });
        Map<String, List<String>> googleConsentMode = googleConsentMode(node.path("googleConsentMode"),
                path + ".googleConsentMode", categoryIds);
        Map<String, CookieSettings.Mode> modeByCountry = new LinkedHashMap<>();
        node.path("modeByCountry").fields().forEachRemaining(e -> modeByCountry.put(e.getKey(), mode(e.getValue().asText())));
        ConfigNode t = node.path("text");
        CookieSettings.Texts texts = new CookieSettings.Texts(optionalText(t, "title", path), optionalText(t, "body", path),
                optionalText(t, "acceptAll", path), optionalText(t, "rejectAll", path), optionalText(t, "customize", path),
                optionalText(t, "save", path));
        return new CookieSettings(node.path("cookieName").asText("chrome_consent"), optional(node, "domain"),
                node.path("path").asText("/"), node.path("lifetimeDays").asInt(182), node.path("revision").asInt(1),
                mode(node.path("mode").asText("opt-in")), modeByCountry, saleOrSharing, optional(node, "policyUrl"),
                optional(node, "secret"), categories, scripts, texts, googleConsentMode);
    }

    /** Category id to consent types; each category known, each type governed by one category only. */
    private Map<String, List<String>> googleConsentMode(ConfigNode node, String path, Set<String> categoryIds) {
        Map<String, List<String>> types = new LinkedHashMap<>();
        Map<String, String> categoryByType = new HashMap<>();
        node.fields().forEachRemaining(e -> {
            String category = e.getKey();
            String categoryPath = path + "." + category;
            if (!categoryIds.contains(category)) {
                problemAtKey(categoryPath, "unknown category '" + category + "'" + DidYouMean.suggest(category, categoryIds));
            }
            List<String> list = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                String type = e.getValue().get(i).asText();
                String earlier = categoryByType.putIfAbsent(type, category);
                if (earlier != null && !earlier.equals(category)) {
                    problem(ConfigPath.index(categoryPath, i), "consent type '" + type + "' is already governed by category '" + earlier + "'");
                }
                list.add(type);
            }
            types.put(category, list);
        });
        return types;
    }

    private CookieSettings.Category category(ConfigNode node, String path) {
        List<CookieSettings.Service> services = list(node.path("services"), path + ".services", (service, servicePath) ->
                new CookieSettings.Service(service.path("id").asText(),
                        service.has("label") ? text(service.get("label"), servicePath + ".label") : Text.of(service.path("id").asText()),
                        list(service.path("cookies"), servicePath + ".cookies", this::cookieRule)));
        requireUnique(node.path("services"), path + ".services", "id", "service id");
        return new CookieSettings.Category(node.path("id").asText(), text(node.path("label"), path + ".label"),
                node.has("description") ? text(node.get("description"), path + ".description") : null,
                node.path("required").asBoolean(false), services);
    }

    private CookieSettings.CookieRule cookieRule(ConfigNode node, String path) {
        if (node.has("name") == node.has("pattern")) {
            problem(path, "a cookie has either name or pattern, not both or neither");
        }
        Pattern pattern = null;
        if (node.has("pattern")) {
            try {
                pattern = Pattern.compile(node.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                problem(path + ".pattern", "invalid regular expression: " + e.getDescription());
            }
        }
        return new CookieSettings.CookieRule(optional(node, "name"), pattern, optional(node, "domain"), node.path("path").asText("/"),
                optional(node, "label"));
    }

    private Theme theme(ConfigNode node, String path) {
        Map<String, String> tokens = tokens(node.path("tokens"), path + ".tokens");
        Map<String, String> dark = tokens(node.path("dark"), path + ".dark");
        List<ContrastCheck.Failure> failures = new ArrayList<>(ContrastCheck.check(Palette.light(tokens), path + ".tokens"));
        if (node.has("dark")) failures.addAll(ContrastCheck.check(Palette.dark(tokens, dark), path + ".dark"));
        failures.forEach(failure -> problem(failure.path(), failure.message()));
        return new Theme(tokens, dark);
    }

    /** One section of tokens, each value checked to go into the stylesheet verbatim. */
    private Map<String, String> tokens(ConfigNode node, String path) {
        Map<String, String> tokens = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            ThemeToken token = ThemeToken.byName(e.getKey());
            if (token == null || !e.getValue().isTextual()) return;
            String value = e.getValue().asText();
            String tokenPath = path + "." + e.getKey();
            if (token.kind() == ThemeToken.Kind.COLOUR) {
                if (Colour.parse(value) == null) problem(tokenPath, CssValues.colourProblem(value));
            } else if (!CssValues.isSafeValue(value)) {
                problem(tokenPath, "'" + value + "' is not a plain CSS value (letters, digits, spaces, commas, dots, %, closed quotes and balanced parentheses)");
            }
            tokens.put(e.getKey(), value);
        });
        return tokens;
    }

    /** A string override is an ICU message pattern: unbalanced braces would fail at render time. */
    private void checkMessagePatterns(ConfigNode node, String path) {
        if (node.isTextual()) {
            checkMessagePattern(node.asText(), path);
        } else {
            node.fields().forEachRemaining(e -> checkMessagePattern(e.getValue().asText(), path + "." + e.getKey()));
        }
    }

    private void checkMessagePattern(String pattern, String path) {
        try {
            Messages.checkPattern(pattern);
        } catch (IllegalArgumentException e) {
            problem(path, "not a valid message pattern: " + e.getMessage());
        }
    }

    /** Whether a key of {@code node} is a misspelling of one of {@code keys}: its unknown-key problem already says what is missing. */
    private static boolean misspells(ConfigNode node, String... keys) {
        List<String> wanted = List.of(keys);
        for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!wanted.contains(name) && !DidYouMean.suggest(name, wanted).isEmpty()) return true;
        }
        return false;
    }

    private Link link(ConfigNode node, String path) {
        return new Link(text(node.path("label"), path + ".label"), node.path("href").asText());
    }

    private Text text(ConfigNode node, String path) {
        if (node.isTextual()) return Text.of(node.asText());
        Map<String, String> byTag = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!localeTags.isEmpty() && localeTags.stream().noneMatch(tag -> names(tag, e.getKey()))) {
                problemAtKey(path + "." + e.getKey(), "locale '" + e.getKey() + "' is not in site.locales" + DidYouMean.suggest(e.getKey(), localeTags));
            }
            byTag.put(e.getKey(), e.getValue().asText());
        });
        return byTag.isEmpty() ? Text.of("") : Text.of(byTag);
    }

    /** Whether a text keyed {@code key} serves the site locale {@code tag}: equal, or a prefix of it. */
    private static boolean names(String tag, String key) {
        String t = tag.toLowerCase(Locale.ROOT);
        String k = key.toLowerCase(Locale.ROOT);
        return t.equals(k) || t.startsWith(k + "-");
    }

    private Text optionalText(ConfigNode parent, String key, String path) {
        return parent.has(key) ? text(parent.get(key), path + ".text." + key) : null;
    }

    private <T> List<T> list(ConfigNode array, String path, BiFunction<ConfigNode, String, T> item) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) items.add(item.apply(array.get(i), ConfigPath.index(path, i)));
        return items;
    }

    private void requireUnique(ConfigNode array, String path, String key, String what) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String id = array.get(i).path(key).asText();
            Integer earlier = first.putIfAbsent(id, i);
            if (earlier != null) {
                String itemPath = ConfigPath.index(path, i) + "." + key;
                problem(itemPath, "duplicate " + what + " '" + id + "' (first used at " + ConfigPath.index(path, earlier) + ")");
            }
        }
    }

    private static Set<String> strings(ConfigNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String optional(ConfigNode node, String key) {
        return node.has(key) ? node.get(key).asText() : null;
    }

    private static CookieSettings.Mode mode(String value) {
        return value.equals("opt-out") ? CookieSettings.Mode.OPT_OUT : CookieSettings.Mode.OPT_IN;
    }

    private void problem(String path, String message) {
        SourcePosition at = document.valueAt(path);
        problems.add(new ConfigProblem(file, at.line(), at.column(), path, message));
    }

    private void problemAtKey(String path, String message) {
        SourcePosition at = document.keyAt(path);
        problems.add(new ConfigProblem(file, at.line(), at.column(), path, message));
    }
}
