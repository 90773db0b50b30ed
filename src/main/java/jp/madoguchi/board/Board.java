package jp.madoguchi.board;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.madoguchi.estimate.WaitEstimate;
import jp.madoguchi.office.LocalizedText;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.office.OfficeDefinition;
import jp.madoguchi.shared.web.Language;
import jp.madoguchi.shared.web.PlainMessages;
import jp.madoguchi.ticketing.QueueLoad;
import jp.madoguchi.ticketing.TicketEvent;
import jp.madoguchi.ticketing.TicketQueries;
import jp.madoguchi.ticketing.TicketState;
import jp.madoguchi.ticketing.WaitForecasts;
import jp.madoguchi.ticketing.WebTicketPolicy;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The offices' live status — the read model behind the status API, the hall display and
 * the event stream. One {@link OfficeBoard} per office, built at start-up and fed by
 * ticket events.
 */
@Service
public class Board implements QueueLoad {

	private final OfficeCatalog offices;

	private final TicketQueries queries;

	private final WaitForecasts forecasts;

	private final MessageSource messages;

	private final Clock clock;

	private final Map<String, OfficeBoard> boards = new ConcurrentHashMap<>();

	private final Map<String, CachedStatus> statusCache = new ConcurrentHashMap<>();

	private final JsonMapper json;

	// The policy needs this board (as QueueLoad) and the board needs the policy for the
	// status: it is looked up when first used to break the circle.
	private final ObjectProvider<WebTicketPolicy> policy;

	Board(OfficeCatalog offices, TicketQueries queries, WaitForecasts forecasts, MessageSource messages, Clock clock,
			ObjectProvider<WebTicketPolicy> policy, JsonMapper json) {
		this.json = json;
		this.offices = offices;
		this.queries = queries;
		this.forecasts = forecasts;
		this.messages = new PlainMessages(messages);
		this.clock = clock;
		this.policy = policy;
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(TicketEvent event) {
		board(event.office()).apply(event);
	}

	@Override
	public int peopleInLine(String office, String queue) {
		return today(office).inLine(queue);
	}

	/** People present and waiting in a queue now: those a counter could call. */
	public int presentInLine(String office, String queue) {
		return today(office).count(queue, TicketState.WAITING);
	}

	/**
	 * The office's board, moved on to today if the day has changed since its last event.
	 */
	private OfficeBoard today(String officeId) {
		Office office = this.offices.get(officeId);
		OfficeBoard board = board(office.id());
		board.startDay(LocalDate.now(this.clock.withZone(office.zone())));
		return board;
	}

	/**
	 * The number of the last event the office's board has applied: what it shows changes
	 * only when this does (or the minute turns).
	 */
	@Override
	public long lastEvent(String office) {
		return board(office).seq();
	}

	@Override
	public long lastEvent(String office, String queue) {
		return board(office).seq(queue);
	}

	/**
	 * The status of an office as JSON, recomputed only when the board has changed or the
	 * minute has turned (the estimates and whether web tickets are open depend on the
	 * time of day), so a crowd of phones and displays reading it costs almost nothing.
	 */
	public byte[] statusJson(String officeId, Locale locale) {
		Office office = this.offices.get(officeId);
		Language language = Language.of(locale);
		OfficeBoard board = today(office.id());
		long seq = board.seq();
		long minute = this.clock.millis() / 60_000;
		String key = office.id() + "/" + language.code();
		CachedStatus cached = this.statusCache.get(key);
		if (cached == null || cached.seq() != seq || cached.minute() != minute) {
			byte[] json = this.json.writeValueAsBytes(status(office.id(), language.locale()));
			cached = new CachedStatus(seq, minute, json);
			this.statusCache.put(key, cached);
		}
		return cached.json();
	}

	private record CachedStatus(long seq, long minute, byte[] json) {
	}

	/** The status of an office now, in a language. */
	public OfficeStatus status(String officeId, Locale locale) {
		Office office = this.offices.get(officeId);
		OfficeBoard board = today(office.id());
		Instant now = this.clock.instant();
		LocalDate today = board.businessDate();
		Optional<OfficeDefinition.OpeningHours> hours = office.hoursOn(today);
		List<QueueStatus> queues = office.queues()
			.stream()
			.map((q) -> queueStatus(office, board, q, now, locale))
			.toList();
		List<CallView> recent = board.recentCalls().stream().map(CallView::of).toList();
		return new OfficeStatus(office.id(), office.name(), today, now, board.seq(), hours.isPresent(),
				hours.map(OfficeDefinition.OpeningHours::open).orElse(null),
				hours.map(OfficeDefinition.OpeningHours::close).orElse(null), queues, recent);
	}

	/** The status of one queue now, as sent with live events about it. */
	public QueueStatus queueStatus(String officeId, String queueId, Locale locale) {
		Office office = this.offices.get(officeId);
		return queueStatus(office, today(office.id()), office.queue(queueId), this.clock.instant(), locale);
	}

	private QueueStatus queueStatus(Office office, OfficeBoard board, OfficeDefinition.Queue queue, Instant now,
			Locale locale) {
		int waiting = board.count(queue.id(), TicketState.WAITING);
		int notCheckedIn = board.count(queue.id(), TicketState.ISSUED);
		WaitEstimate estimate = this.forecasts.at(office, queue.id(), waiting + notCheckedIn);
		Optional<String> refusal = this.policy.getObject().queueWebRefusal(office, queue.id());
		WebTickets web = new WebTickets(refusal.isEmpty(), refusal.orElse(null),
				refusal.map((code) -> this.messages.getMessage("web-tickets." + code, null, code, locale))
					.orElse(null));
		return new QueueStatus(queue.id(), office.divisionOf(queue.id()).id(), queue.name(), waiting + notCheckedIn,
				waiting, notCheckedIn,
				board.count(queue.id(), TicketState.CALLED) + board.count(queue.id(), TicketState.SERVING), estimate,
				board.callingAt(queue.id()).stream().map(CallView::of).toList(), web);
	}

	private OfficeBoard board(String office) {
		return this.boards.computeIfAbsent(office, (id) -> new OfficeBoard(this.queries.openTickets(id)));
	}

	/** Builds every office's board before the application serves requests. */
	@EventListener(ApplicationStartedEvent.class)
	void buildBoards() {
		this.offices.all().forEach((office) -> board(office.id()));
	}

	public record OfficeStatus(String office, LocalizedText name, LocalDate businessDate, Instant asOf, long eventId,
			boolean openToday, LocalTime opens, LocalTime closes, List<QueueStatus> queues,
			List<CallView> recentCalls) {
	}

	/**
	 * A queue's status.
	 *
	 * @param inLine people who hold a place: present, and web holders not yet checked in
	 * @param waiting present and waiting
	 * @param notCheckedIn web holders who have not checked in yet
	 * @param atCounters called or being served
	 * @param estimate the wait of someone who joins the line now
	 */
	public record QueueStatus(String queue, String division, LocalizedText name, int inLine, int waiting,
			int notCheckedIn, int atCounters, WaitEstimate estimate, List<CallView> calling, WebTickets webTickets) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record WebTickets(boolean available, String reason, String message) {
	}

	public record CallView(String number, String counter, Instant calledAt, Instant comeBy) {

		static CallView of(OfficeBoard.Call call) {
			return new CallView(call.number(), call.counter(), call.at(), call.until());
		}

	}

}
