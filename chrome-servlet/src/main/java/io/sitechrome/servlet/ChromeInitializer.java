package io.sitechrome.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Zero-code set-up: when the context parameter, system property or environment variable
 * {@code site-chrome.auto} ({@code SITE_CHROME_AUTO}) is {@code true}, registers
 * {@link ChromeFilter} on {@code /*} for every dispatcher type, configured as
 * {@link ChromeSettings} describes. Opt-in, so adding the jar alone changes nothing.
 */
public final class ChromeInitializer implements ServletContainerInitializer {

    /** The name the filter is registered under. */
    public static final String FILTER_NAME = "site-chrome";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (!enabled(context)) return;
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, ChromeFilter.class);
        if (filter == null) return;
        filter.setAsyncSupported(true);
        for (ChromeSetting setting : ChromeSetting.values()) {
            String value = context.getInitParameter(setting.initParameter());
            if (value != null) filter.setInitParameter(setting.initParameter(), value);
        }
        filter.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
    }

    private static boolean enabled(ServletContext context) {
        String value = context.getInitParameter("site-chrome.auto");
        if (value == null) value = System.getProperty("site-chrome.auto");
        if (value == null) value = System.getenv("SITE_CHROME_AUTO");
        return Boolean.parseBoolean(value == null ? null : value.trim());
    }
}
