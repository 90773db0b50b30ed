package jp.madoguchi.shared;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI madoguchiApi() {
		return new OpenAPI().info(new Info().title("Madoguchi API")
			.version("v1")
			.description("Queue and web tickets of a municipal office: offices, live status, tickets,"
					+ " counter operations and the live event stream. Errors are application/problem+json"
					+ " in Japanese or English (Accept-Language).")
			.license(new License().name("Open data: free to embed")));
	}

}
