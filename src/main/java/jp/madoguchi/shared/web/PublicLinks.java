package jp.madoguchi.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address citizens' phones reach the application at, for the links behind QR codes:
 * {@code madoguchi.public-url} when it is set, else the address the device itself used.
 */
@Component
public class PublicLinks {

	private final String publicUrl;

	PublicLinks(@Value("${madoguchi.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/** The absolute address of a path, e.g. {@code /o/konan/check-in?c=…}. */
	public String to(HttpServletRequest request, String path) {
		String base = StringUtils.hasText(this.publicUrl) ? this.publicUrl
				: ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		return base + path;
	}

	/** The absolute address of a path, for the request being answered. */
	public String to(String path) {
		String base = StringUtils.hasText(this.publicUrl) ? this.publicUrl
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return base + path;
	}

}
