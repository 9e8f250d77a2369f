package io.sitechrome.spring.boot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * An ordinary Spring MVC application with templates (templates/chrome-page.html, freemarker-page.ftlh) that use
 * only the documented chrome syntax, and the usual i18n set-up: a cookie LocaleResolver and
 * Spring's LocaleChangeInterceptor on {@code ?lang=}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TemplateApp.Pages.class)
class TemplateApp implements WebMvcConfigurer {

    static final String APP_LOCALE_COOKIE = "app_locale";

    @Bean
    LocaleResolver localeResolver() {
        return new CookieLocaleResolver(APP_LOCALE_COOKIE);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        registry.addInterceptor(lang);
    }

    @Controller
    static class Pages {

        @GetMapping("/page")
        String page() {
            return "chrome-page";
        }

        @GetMapping("/freemarker-page")
        String freeMarkerPage() {
            return "freemarker-page";
        }
    }
}
