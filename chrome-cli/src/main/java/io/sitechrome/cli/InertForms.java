package io.sitechrome.cli;

import io.sitechrome.internal.i18n.Messages;
import io.sitechrome.render.Chrome;

final class InertForms {

    private InertForms() {
    }

    static String json(Chrome chrome, String localeTag) {
        String tag = localeTag != null && chrome.locale(localeTag) != null ? localeTag
                : chrome.config().site().defaultLocale().tag();
        String message = Messages.forTag(tag).get("cookies.saved");
        return "{\"ok\": true, \"message\": \"" + jsonString(message) + "\", \"allowed\": []}";
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || c == '<' || c == '>' || c == '&') out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
