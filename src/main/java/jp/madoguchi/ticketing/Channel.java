package jp.madoguchi.ticketing;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a ticket was taken. Only {@link #WEB} tickets have to check in. */
public enum Channel {

	WEB, KIOSK, STAFF;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static Channel fromJson(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
