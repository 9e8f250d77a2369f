package io.sitechrome.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitechrome.consent.ConsentListener;
import io.sitechrome.model.CookieSettings;
import io.sitechrome.render.Component;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeObserver;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Micrometer counters for the chrome:
 * <ul>
 * <li>{@code chrome.pages.decorated}: pages that got the chrome;</li>
 * <li>{@code chrome.pages.passed}, tag {@code reason}: responses the filter sent unchanged, and why
 *     ({@link ChromeObserver.Reason#tag()}: {@code excluded}, {@code not-html}, {@code x-chrome-off},
 *     {@code over-cap} for pages over {@code chrome.max-buffer-bytes}, ...);</li>
 * <li>{@code chrome.fragments}, tag {@code component}: fragment endpoint answers;</li>
 * <li>{@code chrome.config.reloads}, tag {@code result}: {@code ok} or {@code failed};</li>
 * <li>{@code chrome.consent.choices}, tag {@code kind}: {@code accept-all}, {@code reject-all} or {@code custom}.</li>
 * </ul>
 * The registry and the chrome are looked up once every singleton exists, since the chrome's settings
 * collect this listener before the chrome itself is opened; the counters the filter moves on every
 * request are made then, so counting a request allocates nothing.
 */
final class ChromeMetrics implements ConsentListener, ChromeObserver, SmartInitializingSingleton {

    static final String DECORATED = "chrome.pages.decorated";
    static final String PASSED = "chrome.pages.passed";
    static final String FRAGMENTS = "chrome.fragments";
    static final String RELOADS = "chrome.config.reloads";
    static final String CONSENT_CHOICES = "chrome.consent.choices";

    private final ObjectProvider<MeterRegistry> registries;
    private final ObjectProvider<LiveChrome> chromes;
    private volatile MeterRegistry registry;
    private volatile LiveChrome chrome;
    private volatile Counter decorated;
    private volatile Map<Reason, Counter> passed = Map.of();
    private volatile Map<Component, Counter> fragments = Map.of();

    ChromeMetrics(ObjectProvider<MeterRegistry> registries, ObjectProvider<LiveChrome> chromes) {
        this.registries = registries;
        this.chromes = chromes;
    }

    @Override
    public void afterSingletonsInstantiated() {
        MeterRegistry found = registries.getIfUnique();
        LiveChrome live = chromes.getIfUnique();
        if (found == null || live == null) return;
        Map<Reason, Counter> byReason = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) byReason.put(reason, found.counter(PASSED, "reason", reason.tag()));
        Map<Component, Counter> byComponent = new EnumMap<>(Component.class);
        for (Component component : Component.values()) byComponent.put(component, found.counter(FRAGMENTS, "component", component.id()));
        passed = byReason;
        fragments = byComponent;
        decorated = found.counter(DECORATED);
        chrome = live;
        registry = found;
        live.onReload(reload -> found.counter(RELOADS, "result", reload.succeeded() ? "ok" : "failed").increment());
    }

    @Override
    public void decorated() {
        Counter counter = decorated;
        if (counter != null) counter.increment();
    }

    @Override
    public void passedThrough(Reason reason) {
        Counter counter = passed.get(reason);
        if (counter != null) counter.increment();
    }

    @Override
    public void fragmentServed(Component component) {
        Counter counter = fragments.get(component);
        if (counter != null) counter.increment();
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
