package io.sitechrome.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitechrome.consent.ConsentListener;
import io.sitechrome.model.CookieSettings;
import io.sitechrome.render.LiveChrome;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Micrometer counters for what the chrome sees outside the filter: configuration reloads
 * ({@code chrome.config.reloads}, tag {@code result}: ok or failed) and recorded consent choices
 * ({@code chrome.consent.choices}, tag {@code kind}: accept-all, reject-all or custom). The registry
 * and the chrome are looked up once every singleton exists, since the chrome's settings collect
 * this listener before the chrome itself is opened.
 */
final class ChromeMetrics implements ConsentListener, SmartInitializingSingleton {

    static final String RELOADS = "chrome.config.reloads";
    static final String CONSENT_CHOICES = "chrome.consent.choices";

    private final ObjectProvider<MeterRegistry> registries;
    private final ObjectProvider<LiveChrome> chromes;
    private volatile MeterRegistry registry;
    private volatile LiveChrome chrome;

    ChromeMetrics(ObjectProvider<MeterRegistry> registries, ObjectProvider<LiveChrome> chromes) {
        this.registries = registries;
        this.chromes = chromes;
    }

    @Override
    public void afterSingletonsInstantiated() {
        MeterRegistry found = registries.getIfUnique();
        LiveChrome live = chromes.getIfUnique();
        if (found == null || live == null) return;
        chrome = live;
        registry = found;
        live.onReload(reload -> found.counter(RELOADS, "result", reload.succeeded() ? "ok" : "failed").increment());
    }

    @Override
    public void recorded(Choice choice) {
        MeterRegistry counters = registry;
        if (counters != null) counters.counter(CONSENT_CHOICES, "kind", kind(choice)).increment();
    }

    /** accept-all when every category is accepted, reject-all when only required ones are, custom otherwise. */
    private String kind(Choice choice) {
        CookieSettings cookies = chrome.current().config().cookies();
        List<CookieSettings.Category> categories = cookies == null ? List.of() : cookies.categories();
        if (categories.stream().allMatch(category -> choice.accepted().contains(category.id()))) return "accept-all";
        if (categories.stream().allMatch(category -> category.required() || !choice.accepted().contains(category.id()))) {
            return "reject-all";
        }
        return "custom";
    }
}
