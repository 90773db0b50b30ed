package jp.madoguchi.staff;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.shared.ProblemWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may call what, in three chains. Staff pages (counter terminal, administration) use
 * the sign-in form and a session. Display and kiosk pages use the device cookie. The rest
 * — the API and the citizen's pages — is stateless: the public reads offices, status and
 * the event stream, takes web tickets and acts on its own ticket with the ticket's token;
 * staff scripts use HTTP Basic and devices their bearer token. Every API refusal is a
 * problem response.
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

	/**
	 * The staff's pages: signed in with the form, in a session shared by every instance
	 * (Spring Session JDBC), a new session id at sign-in, a CSRF token in the session,
	 * and signed out after a while without activity.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain staffPagesChain(HttpSecurity http, StaffIdleTimeout idle) throws Exception {
		http.securityMatcher("/staff/**", "/counter/**", "/admin/**");
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/staff/login", "/staff/denied")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.hasRole("STAFF"));
		http.formLogin((form) -> form.loginPage("/staff/login")
			.successHandler(new SignedIn(idle))
			.failureHandler(SignedIn::failed)
			.permitAll());
		http.logout((logout) -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?out"));
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
			.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler((request, response, ex) -> {
			if (ex instanceof CsrfException) {
				// the session ended (idle, or the server's) while the form was open
				response.sendRedirect(request.getContextPath() + "/staff/login?expired");
				return;
			}
			response.setStatus(HttpStatus.FORBIDDEN.value());
			request.getRequestDispatcher("/staff/denied").forward(request, response);
		}));
		http.addFilterAfter(idle.filter(), SecurityContextHolderFilter.class);
		headers(http);
		return http.build();
	}

	/**
	 * The hall displays' and kiosks' pages: opened by the device cookie an administrator
	 * left in that browser; an unregistered browser gets a page that says so.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain devicePagesChain(HttpSecurity http, Devices devices, ProblemWriter problems) throws Exception {
		http.securityMatcher("/display/**", "/kiosk/**");
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/display/**")
			.hasRole("DISPLAY")
			.requestMatchers("/kiosk/**")
			.hasRole("KIOSK"));
		http.addFilterBefore(new DeviceTokenFilter(devices, problems), BasicAuthenticationFilter.class);
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(SecurityConfiguration::unregistered)
			.accessDeniedHandler((request, response, ex) -> unregistered(request, response, null)));
		http.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()));
		headers(http);
		return http.build();
	}

	private static void unregistered(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws IOException, ServletException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		request.getRequestDispatcher(UNREGISTERED_PAGE).forward(request, response);
	}

	/** Where a browser that is not a registered display or kiosk is answered. */
	static final String UNREGISTERED_PAGE = "/floor/unregistered";

	private static void headers(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions((frames) -> frames.deny()));
	}

	@Bean
	@Order(3)
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
		headers(http);
		return http.build();
	}

}
