package io.sitechrome.internal.servlet;

import io.sitechrome.render.Asset;
import io.sitechrome.render.Chrome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The stylesheet and script of the last few configuration versions served, by name, so that a
 * page rendered before a hot reload still gets its own assets; and for a name of the chrome's
 * form that none of them has (another instance's version, during a rolling deploy), the current
 * asset of the same kind as a stand-in. Keeps only the assets, never a whole {@link Chrome}.
 */
public final class RecentAssets {

    /** How many configuration versions' assets are kept. */
    static final int VERSIONS = 4;
    private static final Pattern NAME = Pattern.compile("chrome\\.[0-9a-f]{12}\\.(css|js)");

    private final Deque<List<Asset>> versions = new ArrayDeque<>();
    private volatile Chrome latest;
    private volatile Map<String, Asset> byName = Map.of();

    /**
     * Keeps the assets of {@code chrome}; costs one comparison when it is the version seen last.
     *
     * @param chrome the configuration version serving a request; the last {@value #VERSIONS} are kept
     */
    public void remember(Chrome chrome) {
        if (chrome == latest) return;
        synchronized (this) {
            if (chrome == latest) return;
            List<Asset> assets = List.of(chrome.stylesheet(), chrome.script());
            versions.removeIf(version -> names(version).equals(names(assets)));
            versions.addFirst(assets);
            while (versions.size() > VERSIONS) versions.removeLast();
            Map<String, Asset> names = new HashMap<>();
            for (List<Asset> version : versions) version.forEach(asset -> names.putIfAbsent(asset.name(), asset));
            byName = Map.copyOf(names);
            latest = chrome;
        }
    }

    private static List<String> names(List<Asset> assets) {
        return assets.stream().map(Asset::name).toList();
    }

    /**
     * An asset of one of the versions kept, so that a page rendered just before a reload still gets its assets.
     *
     * @param name the asset's file name
     * @return the asset called {@code name} of one of the versions kept, or null
     */
    public Asset byName(String name) {
        return byName.get(name);
    }

    /**
     * The current asset of the kind a name asks for, for a name of a version no longer kept.
     *
     * @param chrome the chrome serving the request
     * @param name   a file name
     * @return for a name of the chrome's form ({@code chrome.HASH.css} or {@code .js}), {@code chrome}'s asset of that kind; else null
     */
    public static Asset standIn(Chrome chrome, String name) {
        if (!NAME.matcher(name).matches()) return null;
        return name.endsWith(".css") ? chrome.stylesheet() : chrome.script();
    }
}
