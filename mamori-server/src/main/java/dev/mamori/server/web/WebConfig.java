package dev.mamori.server.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages are Japanese first: {@code ?lang=en} (kept in a cookie) switches them to English. The REST API answers in the
 * language of {@code Accept-Language} (Japanese unless it prefers English).
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("mamori_lang");
        r.setDefaultLocaleFunction(req -> req.getRequestURI().startsWith(req.getContextPath() + "/api/")
                && req.getHeader("Accept-Language") != null && req.getLocale().getLanguage().equals("en") ? Locale.ENGLISH : Locale.JAPANESE);
        r.setCookieMaxAge(Duration.ofDays(365));
        r.setCookieSameSite("Strict");
        return r;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor i = new LocaleChangeInterceptor();
        i.setParamName("lang");
        i.setIgnoreInvalidLocale(true);
        registry.addInterceptor(i);
    }
}
