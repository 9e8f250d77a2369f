package io.sitechrome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * chrome-core's two tiers (README, "API and internals"): the public types of the API packages are the
 * ones listed here, none of their public members mentions an internal type, and every package says
 * what it holds in a package-info.java.
 */
class ApiTiersTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String INTERNAL = "io.sitechrome.internal.";

    /** Adding a type here is adding to the API: it is then kept compatible (README, compatibility policy). */
    private static final Set<String> API = Set.of(
        "io.sitechrome.config.ConfigContent", "io.sitechrome.config.ConfigException", "io.sitechrome.config.ConfigProblem",
        "io.sitechrome.config.ConfigSource", "io.sitechrome.config.SourceOptions", "io.sitechrome.config.UrlPolicy",
        "io.sitechrome.consent.ConsentCookie", "io.sitechrome.consent.ConsentListener", "io.sitechrome.consent.ConsentPolicy",
        "io.sitechrome.consent.ConsentState",
        "io.sitechrome.i18n.LocaleNegotiator",
        "io.sitechrome.model.Account", "io.sitechrome.model.Banner", "io.sitechrome.model.Brand", "io.sitechrome.model.ChromeConfig",
        "io.sitechrome.model.CookieSettings", "io.sitechrome.model.Footer", "io.sitechrome.model.Header", "io.sitechrome.model.Link",
        "io.sitechrome.model.NavItem", "io.sitechrome.model.Site", "io.sitechrome.model.SiteLocale", "io.sitechrome.model.SkipLink",
        "io.sitechrome.model.Text", "io.sitechrome.model.Theme",
        "io.sitechrome.render.Asset", "io.sitechrome.render.Chrome", "io.sitechrome.render.ChromeRequest",
        "io.sitechrome.render.Component", "io.sitechrome.render.LiveChrome", "io.sitechrome.render.PageChrome",
        "io.sitechrome.render.Placement", "io.sitechrome.render.Visitor",
        "io.sitechrome.theme.ThemeToken");

    @Test
    void theApiPackagesHoldExactlyTheApiTypes() throws Exception {
        Set<String> publicTypes = new TreeSet<>();
        for (String name : topLevelTypes()) {
            if (name.startsWith(INTERNAL)) continue;
            if (Modifier.isPublic(Class.forName(name).getModifiers())) publicTypes.add(name);
        }
        assertEquals(new TreeSet<>(API), publicTypes,
            "a type public only because another package needs it belongs in io.sitechrome.internal.*");
    }

    @Test
    void noPublicMemberOfTheApiMentionsAnInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String name : API) checkType(Class.forName(name), leaks);
        assertEquals(List.of(), leaks);
    }

    /** Made with builders and factories, so that what they hold can grow without breaking the code that makes them. */
    @Test
    void theTypesApplicationsMakeHaveNoPublicConstructor() throws Exception {
        for (String name : List.of("io.sitechrome.render.ChromeRequest", "io.sitechrome.render.Visitor",
                "io.sitechrome.config.SourceOptions", "io.sitechrome.config.ConfigContent")) {
            for (Constructor<?> constructor : Class.forName(name).getDeclaredConstructors()) {
                assertTrue(!visible(constructor), constructor + " is public: make it private and add a factory or builder");
            }
        }
    }

    @Test
    void everyPackageHasAPackageInfoAndInternalOnesSayTheyAreNotApi() throws IOException {
        Set<Path> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> packages.add(f.getParent()));
        }
        assertTrue(packages.size() >= 6, "found " + packages);
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            assertTrue(Files.exists(info), "no package-info.java in " + dir);
            if (SOURCES.relativize(dir).toString().replace('/', '.').startsWith(INTERNAL)) {
                assertTrue(Files.readString(info).contains("Not API"), info + " says it is not API");
            }
        }
    }

    private static List<String> topLevelTypes() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.map(f -> SOURCES.relativize(f).toString())
                .filter(f -> f.endsWith(".java") && !f.endsWith("package-info.java"))
                .map(f -> f.substring(0, f.length() - ".java".length()).replace('/', '.'))
                .sorted().toList();
        }
    }

    private static void checkType(Class<?> type, List<String> leaks) {
        if (type.getSuperclass() != null) check(type, "extends", type.getGenericSuperclass(), leaks);
        for (Type implemented : type.getGenericInterfaces()) check(type, "implements", implemented, leaks);
        for (Constructor<?> constructor : type.getDeclaredConstructors()) checkExecutable(type, constructor, leaks);
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method)) check(type, method.getName(), method.getGenericReturnType(), leaks);
            checkExecutable(type, method, leaks);
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field)) check(type, field.getName(), field.getGenericType(), leaks);
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) check(type, component.getName(), component.getGenericType(), leaks);
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers()) || Modifier.isProtected(nested.getModifiers())) checkType(nested, leaks);
        }
    }

    private static void checkExecutable(Class<?> owner, Executable executable, List<String> leaks) {
        if (!visible(executable)) return;
        for (Type parameter : executable.getGenericParameterTypes()) check(owner, executable.getName(), parameter, leaks);
        for (Type thrown : executable.getGenericExceptionTypes()) check(owner, executable.getName(), thrown, leaks);
    }

    private static boolean visible(Member member) {
        return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
    }

    private static void check(Class<?> owner, String where, Type type, List<String> leaks) {
        if (type instanceof Class<?> c) {
            Class<?> named = c;
            while (named.isArray()) named = named.getComponentType();
            if (named.getName().startsWith(INTERNAL)) leaks.add(owner.getName() + " " + where + ": " + named.getName());
        } else if (type instanceof ParameterizedType p) {
            check(owner, where, p.getRawType(), leaks);
            for (Type argument : p.getActualTypeArguments()) check(owner, where, argument, leaks);
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) check(owner, where, bound, leaks);
            for (Type bound : w.getLowerBounds()) check(owner, where, bound, leaks);
        }
    }
}
