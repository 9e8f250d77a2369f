package io.sitechrome.cli;

import io.sitechrome.render.Chrome;
import io.sitechrome.render.ChromeRequest;
import io.sitechrome.render.PageChrome;
import io.sitechrome.render.Placement;

final class StatePage {

    static final String ENDPOINTS = "/";

    private StatePage() {
    }

    static String html(Chrome chrome, PreviewState state, String localeTag, int generation) {
        String tag = localeTag != null && chrome.locale(localeTag) != null ? localeTag : null;
        ChromeRequest request = state.setup().apply(ChromeRequest.builder().locale(tag).endpoints(ENDPOINTS)).build();
        PageChrome page = chrome.forRequest(request);
        String bodyEnd = page.render(Placement.BODY_END);
        if (state.preferencesOpen()) {
            // not a #fragment: in a gallery iframe, its scrolling would scroll the gallery too
            bodyEnd += "<script>document.getElementById(\"chrome-cookie-preferences\")?.classList.add(\"is-open\");</script>\n";
        }
        bodyEnd += Gallery.reloadScript(generation);
        return new PageDocument(page.locale(), state.title() + " · " + PageDocument.siteName(chrome, page.locale()),
                page.render(Placement.HEAD), page.render(Placement.BODY_START),
                PageDocument.placeholder(state.title(), state.description()), bodyEnd).html();
    }
}
