package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitechrome.consent.ConsentListener;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.render.Visitor;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeSettings;
import io.sitechrome.servlet.VisitorResolver;
import jakarta.servlet.DispatcherType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What the auto-configuration contributes, and when it steps aside, without starting a server. */
class ChromeAutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChromeAutoConfiguration.class));

    @Test
    void registersTheFilterForEveryPageAndEveryDispatchThatMatters() {
        web.run(context -> {
            assertThat(context).hasSingleBean(ChromeFilter.class).hasSingleBean(LiveChrome.class)
                    .hasSingleBean(ChromeSettings.class).hasSingleBean(VisitorResolver.class).hasSingleBean(ChromeProperties.class);
            FilterRegistrationBean<?> registration = context.getBean("chromeFilterRegistration", FilterRegistrationBean.class);
            assertThat(registration.getFilter()).isSameAs(context.getBean(ChromeFilter.class));
            assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 50);
            assertThat(registration.getUrlPatterns()).containsExactly("/*");
            assertThat(registration.isAsyncSupported()).isTrue();
            assertThat(registration.determineDispatcherTypes()).isEqualTo(
                    EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ASYNC, DispatcherType.ERROR));
            FilterRegistrationBean<?> visitors = context.getBean("chromeVisitorFilterRegistration", FilterRegistrationBean.class);
            assertThat(visitors.getOrder()).isEqualTo(ChromeVisitorFilter.ORDER).isGreaterThan(-100);
            assertThat(visitors.determineDispatcherTypes()).isEqualTo(registration.determineDispatcherTypes());

            ChromeSettings settings = context.getBean(ChromeSettings.class);
            assertThat(settings.config()).isNull();
            assertThat(settings.bundledConfig()).isEqualTo(ChromeSettings.BUNDLED_CONFIG);
            assertThat(settings.prefix()).isEqualTo("/chrome/");
            assertThat(settings.countryHeader()).isNull();
            assertThat(settings.esi()).isFalse();
            assertThat(settings.decorateErrorPages()).isTrue();
            assertThat(settings.maxBufferBytes()).isZero();
            assertThat(context.getBean(LiveChrome.class).file()).isNull();
        });
    }

    @Test
    void bindsTheChromeProperties() {
        web.withPropertyValues("chrome.config=classpath:io/sitechrome/spring/boot/test-chrome.yaml", "chrome.prefix=site-chrome",
                        "chrome.country-header=CloudFront-Viewer-Country", "chrome.reload-interval=250ms",
                        "chrome.decorate-error-pages=false", "chrome.max-buffer-bytes=1MB", "chrome.esi=true", "chrome.filter.order=5")
                .run(context -> {
                    ChromeSettings settings = context.getBean(ChromeSettings.class);
                    assertThat(settings.config()).isNull();
                    assertThat(settings.bundledConfig()).isEqualTo("/io/sitechrome/spring/boot/test-chrome.yaml");
                    assertThat(settings.prefix()).isEqualTo("/site-chrome/");
                    assertThat(settings.countryHeader()).isEqualTo("CloudFront-Viewer-Country");
                    assertThat(settings.reloadInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(settings.decorateErrorPages()).isFalse();
                    assertThat(settings.maxBufferBytes()).isEqualTo(1024 * 1024);
                    assertThat(settings.esi()).isTrue();
                    assertThat(context.getBean(LiveChrome.class).current().config().site().url()).isEqualTo("https://boot.example/");
                    assertThat(context.getBean("chromeFilterRegistration", FilterRegistrationBean.class).getOrder()).isEqualTo(5);
                });
    }

    @Test
    void watchesAConfigurationFileAndStopsWatchingOnShutdown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chrome.yaml");
        try (var in = getClass().getResourceAsStream("test-chrome.yaml")) {
            Files.copy(in, file);
        }
        LiveChrome[] live = new LiveChrome[1];
        web.withPropertyValues("chrome.config=" + file, "chrome.reload-interval=50ms").run(context -> {
            live[0] = context.getBean(LiveChrome.class);
            assertThat(live[0].file()).isEqualTo(file);
            assertThat(reloadThreads()).isPositive();
            String before = live[0].current().version();
            Files.writeString(file, Files.readString(file).replace("Boot Test Site", "Edited Site"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (live[0].current().version().equals(before) && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(live[0].current().config().brand().name().in(java.util.List.of("en"))).isEqualTo("Edited Site");
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (reloadThreads() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(reloadThreads()).as("the watcher stops when the context closes").isZero();
    }

    private static long reloadThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("site-chrome-reload") && t.isAlive()).count();
    }

    @Test
    void anApplicationReplacesAnyBean() throws Exception {
        VisitorResolver mine = request -> Visitor.of("Mine", null, 0);
        ChromeSettings settings = ChromeSettings.builder().prefix("/mine/").build();
        web.withBean(VisitorResolver.class, () -> mine).withBean(ChromeSettings.class, () -> settings).run(context -> {
            assertThat(context.getBean(VisitorResolver.class)).isSameAs(mine);
            assertThat(context.getBean(ChromeSettings.class)).isSameAs(settings);
        });
        LiveChrome fixed = LiveChrome.fixed(io.sitechrome.render.Chrome.loadResource(ChromeFilter.class, ChromeSettings.BUNDLED_CONFIG));
        web.withBean(LiveChrome.class, () -> fixed).run(context -> {
            assertThat(context.getBean(LiveChrome.class)).isSameAs(fixed);
            assertThat(context.getBean(ChromeFilter.class).chrome()).isSameAs(fixed);
        });
        web.withUserConfiguration(OwnRegistration.class).run(context ->
                assertThat(context.getBean("chromeFilterRegistration", FilterRegistrationBean.class).getOrder()).isEqualTo(42));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistration {
        @Bean
        FilterRegistrationBean<ChromeFilter> chromeFilterRegistration(ChromeFilter filter) {
            FilterRegistrationBean<ChromeFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(42);
            return registration;
        }
    }

    @Test
    void passesConsentChoicesToEveryListenerBean() {
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        web.withBean("first", ConsentListener.class, () -> choice -> heard.add("first " + choice.consentId()))
                .withBean("second", ConsentListener.class, () -> choice -> heard.add("second " + choice.consentId()))
                .run(context -> {
                    context.getBean(ChromeSettings.class).consentListener()
                            .recorded(new ConsentListener.Choice("c1", java.time.Instant.now(), java.util.Set.of(), 1, false));
                    assertThat(heard).containsExactlyInAnyOrder("first c1", "second c1");
                });
    }

    @Test
    void withTheFilterDisabledTheChromeStaysForTheRenderApi() {
        web.withPropertyValues("chrome.filter.enabled=false").run(context -> {
            assertThat(context).hasSingleBean(LiveChrome.class).doesNotHaveBean(ChromeFilter.class)
                    .doesNotHaveBean("chromeFilterRegistration").doesNotHaveBean("chromeVisitorFilterRegistration");
        });
    }

    @Test
    void onlyForServletWebApplicationsWithChromeFilterOnTheClassPath() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChromeAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(ChromeFilter.class).doesNotHaveBean(LiveChrome.class));
        web.withClassLoader(new FilteredClassLoader(ChromeFilter.class))
                .run(context -> assertThat(context).doesNotHaveBean(LiveChrome.class).doesNotHaveBean(ChromeSettings.class));
    }

    @Test
    void theOtherAutoConfigurationsStepAsideWhenTheMainOneIsExcluded() {
        // an app that excludes ChromeAutoConfiguration (spring.autoconfigure.exclude) still starts
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ChromeLocaleAutoConfiguration.class,
                        ChromeTemplateAutoConfiguration.class, ChromeActuatorAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LiveChrome.class)
                        .doesNotHaveBean("chromeLocaleConfigurer").doesNotHaveBean(io.sitechrome.servlet.TemplateChrome.class));
    }
}
