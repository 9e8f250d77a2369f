package io.sitechrome.cli;

import io.sitechrome.render.Asset;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.Component;
import io.sitechrome.render.PageChrome;
import io.sitechrome.render.Placement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

final class StaticExport {

    /** Forms and assets relative to page.html. */
    static final String ENDPOINTS = "./";
    static final String ASSETS = "assets";

    private final Chrome chrome;
    private final ChromeRequest request;

    StaticExport(Chrome chrome, ChromeRequest request) {
        this.chrome = chrome;
        this.request = request;
    }

    List<Path> writeTo(Path directory) throws IOException {
        PageChrome page = chrome.forRequest(request);
        Map<Component, String> fragments = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            fragments.put(component, page.render(component));
        }
        Files.createDirectories(directory.resolve(ASSETS));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Component, String> fragment : fragments.entrySet()) {
            written.add(write(directory.resolve(fragment.getKey().id() + ".html"), fragment.getValue()));
        }
        for (Asset asset : chrome.assets()) {
            written.add(Files.write(directory.resolve(ASSETS).resolve(asset.name()), asset.bytes()));
        }
        String siteName = PageDocument.siteName(chrome, page.locale());
        PageDocument document = new PageDocument(page.locale(), siteName,
                at(Placement.HEAD, fragments), at(Placement.BODY_START, fragments),
                PageDocument.placeholder(siteName, "Your page's content goes here, between the chrome's header and footer."),
                at(Placement.BODY_END, fragments));
        written.add(write(directory.resolve("page.html"), document.html()));
        return written;
    }

    private static String at(Placement placement, Map<Component, String> fragments) {
        StringBuilder html = new StringBuilder();
        for (Component component : Component.at(placement)) html.append(fragments.get(component));
        return html.toString();
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
