package jp.madoguchi.ticketing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.support.H2;
import jp.madoguchi.support.TestApplication;
import jp.madoguchi.support.TestClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of the line on the real engine and database, against the rules written out
 * here: a counter always calls the present ticket first in line — front tickets first
 * (web holders passed over who checked in within the grace time), then by the time each
 * took its place (issue time; check-in time for a web holder who checked in after the
 * grace time) — never a web ticket that has not checked in, and every web holder not yet
 * here whose turn came is marked passed over.
 */
class LineOrderProperties {

	private static ConfigurableApplicationContext app;

	private static TicketService service;

	private static TicketQueries queries;

	private static TestClock clock;

	@BeforeContainer
	static void start() {
		app = new SpringApplicationBuilder(MadoguchiApplication.class, TestApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + H2.newDatabase(), "--madoguchi.expiry.interval=PT10H",
				"--madoguchi.admin.password=x", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
		service = app.getBean(TicketService.class);
		queries = app.getBean(TicketQueries.class);
		clock = app.getBean(TestClock.class);
	}

	@AfterContainer
	static void stop() {
		app.close();
	}

	enum Kind {

		WALK_IN, WEB, CALL

	}

	/**
	 * One step of a morning in queue E.
	 *
	 * @param checkInAfter for a web ticket: minutes until its holder checks in (over 90:
	 * never)
	 */
	record Step(Kind kind, int minutesLater, int checkInAfter) {
	}

	@Property(tries = 60)
	void countersCallThePresentTicketFirstInLine(@ForAll("mornings") List<Step> steps) {
		clock.nextWeekday();
		Map<UUID, Instant> pendingCheckIns = new LinkedHashMap<>();
		List<UUID> issued = new ArrayList<>();
		for (Step step : steps) {
			checkInDue(pendingCheckIns, clock.instant().plus(Duration.ofMinutes(step.minutesLater())));
			clock.advance(Duration.ofMinutes(step.minutesLater()));
			switch (step.kind()) {
				case WALK_IN -> issued.add(issue(Channel.KIOSK));
				case WEB -> {
					UUID id = issue(Channel.WEB);
					issued.add(id);
					if (step.checkInAfter() <= 90) {
						pendingCheckIns.put(id, clock.instant().plus(Duration.ofMinutes(step.checkInAfter())));
					}
				}
				case CALL -> callAndCheck(issued);
			}
		}
	}

	private static void callAndCheck(List<UUID> issued) {
		List<Ticket> before = issued.stream().map(queries::get).toList();
		List<Ticket> present = before.stream().filter((t) -> t.state() == TicketState.WAITING).toList();
		Ticket called;
		try {
			called = service.callNext("konan", "31");
		}
		catch (MadoguchiException ex) {
			assertThat(ex.code()).isEqualTo("nobody-waiting");
			assertThat(present).as("refused although someone was present").isEmpty();
			return;
		}
		Ticket expected = present.stream().min(LINE).orElseThrow();
		assertThat(called.number()).as("first present ticket in line among %s", describe(present))
			.isEqualTo(expected.number());
		for (Ticket ticket : before) {
			boolean turnCame = ticket.state() == TicketState.ISSUED && !expected.front()
					&& LINE.compare(ticket, expected) < 0;
			if (turnCame && ticket.passedOverAt() == null) {
				assertThat(queries.get(ticket.id()).passedOverAt()).as("%s passed over", ticket.number())
					.isEqualTo(clock.instant());
			}
		}
		service.start("konan", "31");
		service.done("konan", "31");
	}

	/** The line order, written from the rules rather than from the engine's query. */
	private static final Comparator<Ticket> LINE = Comparator.comparing((Ticket t) -> !expectedFront(t))
		.thenComparing(LineOrderProperties::expectedPlace)
		.thenComparing(Ticket::issuedAt)
		.thenComparing(Ticket::seq);

	private static boolean expectedFront(Ticket t) {
		return t.channel() == Channel.WEB && t.passedOverAt() != null && t.checkedInAt() != null
				&& !t.checkedInAt().isAfter(t.passedOverAt().plus(Duration.ofMinutes(30)));
	}

	private static Instant expectedPlace(Ticket t) {
		boolean late = t.channel() == Channel.WEB && t.passedOverAt() != null && t.checkedInAt() != null
				&& !expectedFront(t);
		return late ? t.checkedInAt() : t.issuedAt();
	}

	private static void checkInDue(Map<UUID, Instant> pending, Instant until) {
		pending.entrySet().removeIf((entry) -> {
			if (entry.getValue().isAfter(until)) {
				return false;
			}
			clock.set(clock.today(),
					java.time.LocalTime.ofInstant(max(entry.getValue(), clock.instant()), TestClock.TOKYO));
			service.checkInByStaff("konan", entry.getKey());
			return true;
		});
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static UUID issue(Channel channel) {
		return service.issue(new TicketService.IssueRequest("konan", "tax-certificate", channel, null)).ticket().id();
	}

	private static List<String> describe(List<Ticket> tickets) {
		return tickets.stream()
			.map((t) -> t.number() + (expectedFront(t) ? "(front)" : "") + "@" + expectedPlace(t))
			.toList();
	}

	@Provide
	Arbitrary<List<Step>> mornings() {
		Arbitrary<Step> step = Combinators
			.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 8),
					Arbitraries.integers().between(0, 120))
			.as(Step::new);
		return step.list().ofMinSize(5).ofMaxSize(30);
	}

}
