package jp.madoguchi.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The reader's language and furigana for every screen. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final ReaderPreferences preferences;

	WebConfiguration(ReaderPreferences preferences) {
		this.preferences = preferences;
	}

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageResolver();
	}

	@Bean
	MadoguchiDialect madoguchiDialect() {
		return new MadoguchiDialect();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.preferences).excludePathPatterns("/api/**", "/css/**", "/js/**");
	}

}
