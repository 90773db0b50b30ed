package jp.madoguchi.office;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.office.OfficeDefinition.Counter;
import jp.madoguchi.office.OfficeDefinition.Division;
import jp.madoguchi.office.OfficeDefinition.OpeningHours;
import jp.madoguchi.office.OfficeDefinition.Procedure;
import jp.madoguchi.office.OfficeDefinition.Queue;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;

/**
 * A validated office: its definition plus look-ups by id, and its calendar (which days
 * and hours it, each division and each procedure are open).
 */
public final class Office {

	private static final MonthDay NEW_YEAR_CLOSURE_START = MonthDay.of(12, 29);

	private static final MonthDay NEW_YEAR_CLOSURE_END = MonthDay.of(1, 3);

	private final OfficeDefinition definition;

	private final ZoneId zone;

	private final Map<String, Division> divisions = new LinkedHashMap<>();

	private final Map<String, Queue> queues = new LinkedHashMap<>();

	private final Map<String, Division> divisionOfQueue = new LinkedHashMap<>();

	private final Map<String, Procedure> procedures = new LinkedHashMap<>();

	private final Map<String, Counter> counters = new LinkedHashMap<>();

	private final Map<String, List<Counter>> countersOfQueue = new LinkedHashMap<>();

	public Office(OfficeDefinition definition) {
		this.definition = definition;
		this.zone = ZoneId.of(definition.timeZone());
		require(definition.id() != null && definition.id().matches("[a-z0-9-]{1,64}"), "id",
				"lower-case letters, digits and '-'");
		require(definition.name() != null && definition.name().ja() != null, "name", "a Japanese name");
		require(definition.hours() != null && definition.hours().weekdays() != null, "hours.weekdays", "given");
		require(definition.webTickets() != null, "webTickets", "given");
		definition.divisions().forEach(this::index);
		definition.counters().forEach(this::index);
	}

	private void index(Division division) {
		requireUnique(this.divisions.put(division.id(), division), "division", division.id());
		for (Queue queue : division.queues()) {
			require(queue.id().matches("[A-Z0-9]{1,4}"), "queue " + queue.id(), "1-4 capital letters or digits");
			requireUnique(this.queues.put(queue.id(), queue), "queue", queue.id());
			this.divisionOfQueue.put(queue.id(), division);
			this.countersOfQueue.put(queue.id(), new ArrayList<>());
		}
		for (Procedure procedure : division.procedures()) {
			require(division.queues().stream().anyMatch((q) -> q.id().equals(procedure.queue())),
					"procedure " + procedure.id(), "a queue of its own division");
			require(procedure.minutes() > 0, "procedure " + procedure.id(), "positive minutes");
			requireUnique(this.procedures.put(procedure.id(), procedure), "procedure", procedure.id());
		}
	}

	private void index(Counter counter) {
		requireUnique(this.counters.put(counter.id(), counter), "counter", counter.id());
		require(!counter.queues().isEmpty(), "counter " + counter.id(), "at least one queue");
		for (String queue : counter.queues()) {
			require(this.queues.containsKey(queue), "counter " + counter.id(), "known queues");
			this.countersOfQueue.get(queue).add(counter);
		}
	}

	private void require(boolean condition, String what, String expected) {
		if (!condition) {
			throw new IllegalArgumentException(
					"Office definition '" + this.definition.id() + "': " + what + " must be " + expected);
		}
	}

	private void requireUnique(Object previous, String kind, String id) {
		require(previous == null, kind + " " + id, "unique");
	}

	public String id() {
		return this.definition.id();
	}

	public LocalizedText name() {
		return this.definition.name();
	}

	public ZoneId zone() {
		return this.zone;
	}

	public OfficeDefinition definition() {
		return this.definition;
	}

	public OfficeDefinition.Rules rules() {
		return this.definition.rules();
	}

	public List<Division> divisions() {
		return List.copyOf(this.divisions.values());
	}

	public List<Queue> queues() {
		return List.copyOf(this.queues.values());
	}

	public List<Counter> counters() {
		return List.copyOf(this.counters.values());
	}

	public Division divisionOf(String queueId) {
		return this.divisionOfQueue.get(queue(queueId).id());
	}

	public List<Counter> countersServing(String queueId) {
		return List.copyOf(this.countersOfQueue.get(queue(queueId).id()));
	}

	public Division division(String id) {
		return find(this.divisions, id, "unknown-division");
	}

	public Queue queue(String id) {
		return find(this.queues, id, "unknown-queue");
	}

	public Procedure procedure(String id) {
		return find(this.procedures, id, "unknown-procedure");
	}

	public Counter counter(String id) {
		return find(this.counters, id, "unknown-counter");
	}

	public List<Procedure> proceduresOf(String queueId) {
		return this.procedures.values().stream().filter((p) -> p.queue().equals(queueId)).toList();
	}

	private <T> T find(Map<String, T> map, String id, String code) {
		T found = (id != null) ? map.get(id) : null;
		if (found == null) {
			throw new MadoguchiException(Kind.NOT_FOUND, code, id, id());
		}
		return found;
	}

	// ---- calendar --------------------------------------------------------------------

	/** The office's opening hours on a day, or empty when it is closed all day. */
	public Optional<OpeningHours> hoursOn(LocalDate date) {
		if (isClosure(date)) {
			return Optional.empty();
		}
		return switch (date.getDayOfWeek()) {
			case SUNDAY -> Optional.empty();
			case SATURDAY -> openSaturday(date) ? Optional.of(saturdayHours()) : Optional.empty();
			default -> Optional.of(this.definition.hours().weekdays());
		};
	}

	/**
	 * Whether a procedure is handled on a day (its division open, Saturday rules
	 * applied).
	 */
	public boolean handlesOn(Procedure procedure, LocalDate date) {
		if (hoursOn(date).isEmpty()) {
			return false;
		}
		if (date.getDayOfWeek() != DayOfWeek.SATURDAY) {
			return true;
		}
		Boolean own = procedure.openOnSaturday();
		return (own != null) ? own : this.divisionOf(procedure.queue()).openOnSaturday();
	}

	/** Whether any procedure of a queue is handled on a day. */
	public boolean queueOpenOn(String queueId, LocalDate date) {
		return proceduresOf(queueId).stream().anyMatch((p) -> handlesOn(p, date));
	}

	/** Until when web tickets are issued on a day (never after closing). */
	public Optional<LocalTime> webTicketsUntil(LocalDate date) {
		return hoursOn(date).map((hours) -> {
			LocalTime until = (date.getDayOfWeek() == DayOfWeek.SATURDAY) ? this.definition.webTickets().saturdayUntil()
					: this.definition.webTickets().weekdayUntil();
			return (until == null || until.isAfter(hours.close())) ? hours.close() : until;
		});
	}

	/**
	 * Until when web tickets for a procedure are issued on a date: the office's window,
	 * shortened by the procedure's own limit.
	 */
	public Optional<LocalTime> webTicketsUntil(Procedure procedure, LocalDate date) {
		return webTicketsUntil(date)
			.map((until) -> (procedure.webUntil() != null && procedure.webUntil().isBefore(until))
					? procedure.webUntil() : until);
	}

	public boolean isClosure(LocalDate date) {
		OfficeDefinition.Closures closures = this.definition.closures();
		if (closures.nationalHolidays() && JapaneseHolidays.isHoliday(date)) {
			return true;
		}
		if (closures.newYear() && isNewYearHoliday(date)) {
			return true;
		}
		return closures.extraDays().contains(date);
	}

	private static boolean isNewYearHoliday(LocalDate date) {
		MonthDay day = MonthDay.from(date);
		return !day.isBefore(NEW_YEAR_CLOSURE_START) || !day.isAfter(NEW_YEAR_CLOSURE_END);
	}

	private boolean openSaturday(LocalDate date) {
		OfficeDefinition.SaturdayHours saturdays = this.definition.hours().saturdays();
		return saturdays != null && saturdays.weeksOfMonth().contains((date.getDayOfMonth() - 1) / 7 + 1);
	}

	private OpeningHours saturdayHours() {
		OfficeDefinition.SaturdayHours saturdays = this.definition.hours().saturdays();
		return new OpeningHours(saturdays.open(), saturdays.close());
	}

}
