package io.sitechrome.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitechrome.config.ConfigException;
import io.sitechrome.render.Chrome;
import io.sitechrome.render.LiveChrome;
import io.sitechrome.servlet.ChromeFilter;
import io.sitechrome.servlet.ChromeSetting;
import io.sitechrome.servlet.ChromeSettings;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The starter and the filter agree: with nothing set the starter builds the filter's defaults, each
 * setting given as its Spring property gives what its init parameter gives, and every {@code chrome.*}
 * property but the starter's own is a filter setting.
 */
class ChromeSettingsAgreementTest {

    /** The properties only the starter has: its filter registration and the application's locale. */
    private static final Set<String> STARTER_ONLY = Set.of("chrome.filter", "chrome.locale");

    private static final String PIN = "d37ded252f0071d922fdc8b97ead6810823ed62ca904ceac9c64dcab00504bcc";

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChromeAutoConfiguration.class))
            .withBean(LiveChrome.class, ChromeSettingsAgreementTest::bundled);

    /** The chrome in service, so that no test opens the configuration its settings name. */
    private static LiveChrome bundled() {
        try {
            return LiveChrome.fixed(Chrome.loadResource(ChromeFilter.class, ChromeSettings.BUNDLED_CONFIG));
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    /** A value other than the default: as an init parameter, and as Spring properties. */
    private record Sample(String initValue, String... springProperties) {
    }

    private static Sample sample(ChromeSetting setting) {
        String spring = setting.springProperty() + "=";
        return switch (setting) {
            case CONFIG -> new Sample("/etc/site/chrome.yaml", spring + "/etc/site/chrome.yaml");
            case CACHE_DIR -> new Sample("/var/cache/site", spring + "/var/cache/site");
            case CONFIG_SHA256 -> new Sample(PIN, spring + PIN);
            case BUNDLED_CONFIG -> new Sample("/io/sitechrome/spring/boot/test-chrome.yaml", spring + "/io/sitechrome/spring/boot/test-chrome.yaml");
            case PREFIX -> new Sample("/site/", spring + "/site/");
            case COUNTRY_HEADER -> new Sample("CF-IPCountry", spring + "CF-IPCountry");
            case DECORATE_ERROR_PAGES -> new Sample("false", spring + "false");
            case MAX_BUFFER_BYTES -> new Sample("65536", spring + "65536");
            case RELOAD_INTERVAL -> new Sample("250", spring + "250ms");
            case ESI -> new Sample("true", spring + "true");
            case FAIL_FAST -> new Sample("true", spring + "true");
            case EXCLUDE -> new Sample("/admin/**,*.print.html", spring + "/admin/**,*.print.html");
            case SITES -> new Sample("a.example,b.example/shop/=/etc/a.yaml", "chrome.sites[0].hosts=a.example,b.example",
                    "chrome.sites[0].path-prefix=/shop/", "chrome.sites[0].config=/etc/a.yaml");
        };
    }

    @Test
    void withNothingSetTheStarterBuildsTheFiltersDefaults() {
        web.run(context -> assertThat(values(context.getBean(ChromeSettings.class)))
                .isEqualTo(values(ChromeSettings.builder().build())));
    }

    @Test
    void eachSettingGivenAsASpringPropertyGivesWhatItsInitParameterGives() {
        for (ChromeSetting setting : ChromeSetting.values()) {
            Sample sample = sample(setting);
            Map<String, Object> filter = values(ChromeSettings.from(Map.of(setting.initParameter(), sample.initValue())::get));
            assertThat(filter).as(setting + " changes something").isNotEqualTo(values(ChromeSettings.builder().build()));
            web.withPropertyValues(sample.springProperties()).run(context ->
                    assertThat(values(context.getBean(ChromeSettings.class))).as(setting.springProperty()).isEqualTo(filter));
        }
    }

    @Test
    void everyStarterPropertyButItsOwnIsAFilterSetting() {
        Set<String> properties = Arrays.stream(BeanUtils.getPropertyDescriptors(ChromeProperties.class))
                .map(PropertyDescriptor::getName).filter(name -> !name.equals("class"))
                .map(name -> "chrome." + name.replaceAll("([A-Z])", "-$1").toLowerCase()).collect(Collectors.toCollection(TreeSet::new));
        properties.removeAll(STARTER_ONLY);
        assertThat(properties).isEqualTo(Arrays.stream(ChromeSetting.values()).map(ChromeSetting::springProperty)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Every value of the settings, by accessor: all but the behaviour (visitors, consent listener) and openChrome. */
    private static Map<String, Object> values(ChromeSettings settings) {
        Set<String> behaviour = Set.of("visitors", "consentListener", "openChrome");
        Map<String, Object> values = new TreeMap<>();
        for (Method method : ChromeSettings.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0
                    || behaviour.contains(method.getName())) continue;
            try {
                values.put(method.getName(), method.invoke(settings));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(values).containsKeys("prefix", "reloadInterval", "maxBufferBytes", "bundledConfig");
        return values;
    }
}
