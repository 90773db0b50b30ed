package jp.madoguchi.office.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.madoguchi.office.JapaneseHolidays;
import jp.madoguchi.office.LocalizedText;
import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.office.OfficeDefinition;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The offices as citizens and other systems see them. */
@RestController
@RequestMapping("/api/v1/offices")
@Tag(name = "Offices")
class OfficeController {

	private final OfficeCatalog offices;

	private final Clock clock;

	OfficeController(OfficeCatalog offices, Clock clock) {
		this.offices = offices;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "List the offices of this deployment")
	List<OfficeSummary> list() {
		return this.offices.all().stream().map((o) -> new OfficeSummary(o.id(), o.name())).toList();
	}

	@GetMapping("/{office}")
	@Operation(summary = "An office: divisions, queues, procedures, counters and today's hours")
	OfficeView get(@PathVariable String office) {
		Office o = this.offices.get(office);
		LocalDate today = LocalDate.now(this.clock.withZone(o.zone()));
		return new OfficeView(o.id(), o.name(), o.zone().getId(), today, todayOf(o, today),
				o.divisions().stream().map((d) -> divisionOf(o, d, today)).toList(),
				o.counters().stream().map((c) -> new CounterView(c.id(), c.name(), c.queues())).toList(), o.rules());
	}

	private static Today todayOf(Office office, LocalDate today) {
		String holiday = JapaneseHolidays.nameOf(today).orElse(null);
		return office.hoursOn(today)
			.map((h) -> new Today(true, h.open(), h.close(), office.webTicketsUntil(today).orElse(null), holiday))
			.orElseGet(() -> new Today(false, null, null, null, holiday));
	}

	private static DivisionView divisionOf(Office office, OfficeDefinition.Division division, LocalDate today) {
		List<QueueView> queues = division.queues()
			.stream()
			.map((q) -> new QueueView(q.id(), q.name(), office.queueOpenOn(q.id(), today),
					office.countersServing(q.id()).stream().map(OfficeDefinition.Counter::id).toList()))
			.toList();
		List<ProcedureView> procedures = division.procedures()
			.stream()
			.map((p) -> new ProcedureView(p.id(), p.name(), p.queue(), p.minutes(), !Boolean.FALSE.equals(p.web()),
					office.handlesOn(p, today), p.bring()))
			.toList();
		return new DivisionView(division.id(), division.name(), queues, procedures);
	}

	record OfficeSummary(String id, LocalizedText name) {
	}

	record OfficeView(String id, LocalizedText name, String timeZone, LocalDate businessDate, Today today,
			List<DivisionView> divisions, List<CounterView> counters, OfficeDefinition.Rules rules) {
	}

	record Today(boolean open, LocalTime opens, LocalTime closes, LocalTime webTicketsUntil, String holiday) {
	}

	record DivisionView(String id, LocalizedText name, List<QueueView> queues, List<ProcedureView> procedures) {
	}

	record QueueView(String id, LocalizedText name, boolean openToday, List<String> counters) {
	}

	record ProcedureView(String id, LocalizedText name, String queue, int minutes, boolean webTickets,
			boolean openToday, LocalizedText bring) {
	}

	record CounterView(String id, LocalizedText name, List<String> queues) {
	}

}
