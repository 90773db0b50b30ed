package jp.madoguchi.staff;

import jp.madoguchi.shared.ProblemWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may call what. The public reads offices, status and the event stream, takes web
 * tickets and acts on its own ticket with the ticket's token. Staff use HTTP Basic
 * (scripts) for the counter operations; kiosks and displays use their device token. Every
 * refusal is a problem response.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Everything from this server and nothing inline: no third-party host can see a
	 * citizen's page. No referrer, so ticket links never leak.
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'; object-src 'none'";

	/** Where a page's form sent without a valid token is answered. */
	static final String FORM_EXPIRED_PAGE = "/o/form-expired";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, Devices devices, ProblemWriter problems) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/v1/offices/*/counters/**")
			.hasRole("STAFF")
			.requestMatchers("/api/v1/offices/*/devices/**")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, "/api/v1/offices/*/tickets")
			.hasRole("STAFF")
			.requestMatchers("/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("ADMIN")
			.anyRequest()
			.permitAll());
		http.httpBasic((basic) -> basic.realmName("Madoguchi").authenticationEntryPoint((request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Madoguchi\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
		}));
		http.exceptionHandling((exceptions) -> exceptions
			.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
					HttpStatus.UNAUTHORIZED, "unauthenticated"))
			.accessDeniedHandler((request, response, ex) -> {
				if (ex instanceof CsrfException && !request.getRequestURI().startsWith("/api/")) {
					// a page's form sent without its token (a tab restored after the
					// browser
					// dropped its cookies): a page that says what to do, not JSON
					request.getRequestDispatcher(FORM_EXPIRED_PAGE).forward(request, response);
					return;
				}
				problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden");
			}));
		http.addFilterBefore(new DeviceTokenFilter(devices, problems), BasicAuthenticationFilter.class);
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		// The API is called with explicit credentials (Basic, bearer tokens), never a
		// cookie. The pages' forms carry a token from a cookie: no session is needed.
		http.csrf(
				(csrf) -> csrf.ignoringRequestMatchers("/api/**").csrfTokenRepository(new CookieCsrfTokenRepository()));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

}
