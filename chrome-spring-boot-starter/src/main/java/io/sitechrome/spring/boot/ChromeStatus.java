package io.sitechrome.spring.boot;

import io.sitechrome.config.ConfigProblem;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What operations see of the chrome (Actuator's health and info): the configuration version in
 * service, where it comes from, and whether the last reload was refused, in which case the last
 * good configuration is serving.
 */
final class ChromeStatus {

    private final LiveChrome chrome;
    private final ChromeSettings settings;

    ChromeStatus(LiveChrome chrome, ChromeSettings settings) {
        this.chrome = chrome;
        this.settings = settings;
    }

    /** The details, in a fixed order: version, config, lastReload and, after a refused edit, serving and problems. */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", chrome.current().version());
        details.put("config", chrome.file() != null ? chrome.file().toString() : "classpath:" + settings.bundledConfig());
        List<ConfigProblem> problems = chrome.problems();
        details.put("lastReload", problems.isEmpty() ? "ok" : "failed");
        if (!problems.isEmpty()) {
            details.put("serving", "the last good configuration, version " + chrome.current().version());
            details.put("problems", problems.stream().map(ConfigProblem::toString).toList());
        }
        return details;
    }
}
