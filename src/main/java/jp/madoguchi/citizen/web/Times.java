package jp.madoguchi.citizen.web;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times of day as the office's clock shows them ("10:32"), for the templates. */
public record Times(ZoneId zone) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

	public String of(Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.zone)) : "";
	}

	public String of(LocalTime time) {
		return (time != null) ? TIME.format(time) : "";
	}

}
