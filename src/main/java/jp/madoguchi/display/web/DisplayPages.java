package jp.madoguchi.display.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.board.Board;
import jp.madoguchi.board.Board.OfficeStatus;
import jp.madoguchi.board.Board.QueueStatus;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.shared.web.HtmlPages;
import jp.madoguchi.shared.web.Language;
import jp.madoguchi.shared.web.PublicLinks;
import jp.madoguchi.shared.web.QrCodes;
import jp.madoguchi.shared.web.Ruby;
import jp.madoguchi.staff.Access;
import jp.madoguchi.staff.DeviceKind;
import jp.madoguchi.staff.FloorDeviceCookie;
import jp.madoguchi.ticketing.CheckInCodes;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The hall display. The page is built once; its live part (calls, waits, the check-in
 * code, the date) is fetched again after each event and every half minute. The chime and
 * voice come from the events themselves, spoken in Japanese and then in the office's
 * other announcement languages.
 */
@Controller
@HtmlPages
class DisplayPages {

	/** How many calls the board lists, the newest first and largest. */
	static final int CALLS_SHOWN = 7;

	private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日（E）", Locale.JAPAN)
		.withChronology(JapaneseChronology.INSTANCE);

	private static final DateTimeFormatter SEIREKI = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPAN);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

	private final OfficeCatalog offices;

	private final Board board;

	private final CheckInCodes checkInCodes;

	private final PublicLinks links;

	private final MessageSource messages;

	private final Clock clock;

	private final JsonMapper json;

	private final Map<String, String> qrCodes = new ConcurrentHashMap<>();

	DisplayPages(OfficeCatalog offices, Board board, CheckInCodes checkInCodes, PublicLinks links,
			MessageSource messages, Clock clock, JsonMapper json) {
		this.json = json;
		this.offices = offices;
		this.board = board;
		this.checkInCodes = checkInCodes;
		this.links = links;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/display/{office}")
	String page(@PathVariable String office, Authentication auth, Locale locale, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Office o = this.offices.get(office);
		if (!Access.isDeviceOf(auth, o.id(), DeviceKind.DISPLAY)) {
			// a display of another office
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return "staff/unregistered";
		}
		FloorDeviceCookie.renew(request, response);
		addLive(o, locale, request, model);
		model.addAttribute("notices",
				o.definition()
					.hall()
					.notices()
					.stream()
					.map((n) -> new NoticeView(n.title().in(locale), n.text().in(locale), n.image(),
							(n.imageText() != null) ? Ruby.plain(n.imageText().in(locale)) : ""))
					.toList());
		model.addAttribute("voicesJson", this.json.writeValueAsString(voices(o)));
		model.addAttribute("second", secondLabels(o, locale));
		return "display/display";
	}

	@GetMapping("/display/{office}/live")
	String live(@PathVariable String office, Authentication auth, Locale locale, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Office o = this.offices.get(office);
		if (!Access.isDeviceOf(auth, o.id(), DeviceKind.DISPLAY)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return "staff/unregistered";
		}
		addLive(o, locale, request, model);
		model.addAttribute("second", secondLabels(o, locale));
		return "display/display :: live";
	}

	private void addLive(Office office, Locale locale, HttpServletRequest request, Model model) {
		OfficeStatus status = this.board.status(office.id(), locale);
		CheckInCodes.Code code = this.checkInCodes.current(office);
		String checkInLink = this.links.to(request, "/o/" + office.id() + "/check-in?c=" + code.code());
		Instant now = this.clock.instant();
		ZonedDateTime here = now.atZone(office.zone());
		model.addAttribute("currentOffice", office);
		model.addAttribute("officeName", office.name().in(locale));
		model.addAttribute("status", status);
		model.addAttribute("calls", status.recentCalls().stream().limit(CALLS_SHOWN).toList());
		model.addAttribute("queues", queues(office, status, locale));
		model.addAttribute("code", code);
		String label = this.messages.getMessage("display.qr.label", null, Language.of(locale).locale());
		model.addAttribute("qr", qrCode(checkInLink, label));
		model.addAttribute("wareki", here.format(WAREKI));
		model.addAttribute("seireki",
				Language.of(locale) == Language.JA || Language.of(locale) == Language.EASY_JA ? here.format(SEIREKI)
						: here.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)));
		model.addAttribute("time", here.format(TIME));
		model.addAttribute("nowMillis", now.toEpochMilli());
		model.addAttribute("signature", status.eventId() + "|" + code.code() + "|" + here.format(TIME));
	}

	/**
	 * The QR code of a check-in link, drawn once per code and language: every display of
	 * the office fetches its live part after each event.
	 */
	private String qrCode(String link, String label) {
		if (this.qrCodes.size() > 64) {
			this.qrCodes.clear();
		}
		return this.qrCodes.computeIfAbsent(link + "\u0000" + label, (key) -> QrCodes.svg(link, label));
	}

	private static List<QueueView> queues(Office office, OfficeStatus status, Locale locale) {
		return status.queues()
			.stream()
			.map((q) -> new QueueView(q.queue(), office.division(q.division()).name().in(locale), q.name().in(locale),
					q))
			.toList();
	}

	/**
	 * What is said for a call, first in Japanese then in the office's other languages:
	 * each a language tag for the voice and a sentence with {@code {number}} and
	 * {@code {counter}} to fill in.
	 */
	private List<Voice> voices(Office office) {
		List<Voice> voices = new ArrayList<>();
		voices.add(voice(Language.JA));
		for (String code : office.definition().hall().announceAlsoIn()) {
			Language language = Language.fromCode(code);
			if (language != null && language != Language.JA) {
				voices.add(voice(language));
			}
		}
		return voices;
	}

	private Voice voice(Language language) {
		String sentence = Ruby.plain(
				this.messages.getMessage("display.say", new Object[] { "{number}", "{counter}" }, language.locale()));
		return new Voice(language.speechTag(), sentence);
	}

	/**
	 * The board's headings in a second language, smaller under the first: English under
	 * Japanese (or the office's first announcement language), Japanese under any other.
	 */
	private Map<String, String> secondLabels(Office office, Locale locale) {
		Language first = Language.of(locale);
		Language second = Language.JA;
		if (first == Language.JA || first == Language.EASY_JA) {
			second = office.definition()
				.hall()
				.announceAlsoIn()
				.stream()
				.map(Language::fromCode)
				.filter((l) -> l != null && l != Language.JA)
				.findFirst()
				.orElse(Language.EN);
		}
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("lang", second.htmlLang());
		Object[] grace = { office.rules().passedOverGraceMinutes() };
		for (String key : List.of("calling", "waiting", "checkin", "rule", "offline")) {
			labels.put(key, Ruby
				.plain(this.messages.getMessage("display." + key, key.equals("rule") ? grace : null, second.locale())));
		}
		return labels;
	}

	record QueueView(String id, String division, String name, QueueStatus status) {
	}

	record NoticeView(String title, String text, String image, String imageText) {
	}

	record Voice(String lang, String text) {
	}

}
