package jp.madoguchi.ticketing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.office.OfficeDefinition.Counter;
import jp.madoguchi.office.OfficeDefinition.Procedure;
import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.shared.MadoguchiException.Kind;
import jp.madoguchi.shared.Secrets;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Every change of a ticket. Each runs under its office's lock, in a transaction it may
 * share with other changes of the office that arrived at the same time
 * ({@link OfficeWriter}), so an office's changes happen one after another (two counters
 * never call the same ticket); the events it caused are journaled and, once committed,
 * published in order.
 */
@Service
public class TicketService {

	private final OfficeCatalog offices;

	private final TicketRepository tickets;

	private final OfficeWriter writer;

	private final WebTicketPolicy policy;

	private final CheckInCodes checkInCodes;

	private final WebTicketLimits limits;

	private final Clock clock;

	TicketService(OfficeCatalog offices, TicketRepository tickets, OfficeWriter writer, WebTicketPolicy policy,
			CheckInCodes checkInCodes, WebTicketLimits limits, Clock clock) {
		this.limits = limits;
		this.offices = offices;
		this.tickets = tickets;
		this.writer = writer;
		this.policy = policy;
		this.checkInCodes = checkInCodes;
		this.clock = clock;
	}

	/**
	 * Issues a ticket, or returns the one issued before with the same idempotency key.
	 * @throws MadoguchiException when tickets cannot be taken now, or the key was used
	 * for a different request
	 */
	public IssuedTicket issue(IssueRequest request) {
		Office office = this.offices.get(request.office());
		Procedure procedure = office.procedure(request.procedure());
		Optional<IssuedTicket> replay = replay(office, request);
		if (replay.isPresent()) {
			return replay.get();
		}
		Optional<String> refusal = (request.channel() == Channel.WEB) ? this.policy.webRefusal(office, procedure)
				: this.policy.inPersonRefusal(office, procedure);
		refusal.ifPresent((code) -> {
			throw new MadoguchiException(Kind.UNAVAILABLE, "issue." + code);
		});
		boolean web = request.channel() == Channel.WEB;
		if (web) {
			this.limits.take(request.holder(), request.address());
		}
		try {
			return change(office, (changes) -> {
				LocalDate today = changes.today();
				requireNoOpenTicket(office, procedure.queue(), today, request.holderHash());
				int seq = changes.nextNumber(procedure.queue());
				Ticket ticket = Ticket.issue(UUID.randomUUID(), office.id(), today, procedure.queue(), seq,
						procedure.id(), request.channel(), changes.now());
				this.tickets.insert(ticket, request.idempotencyKey(), request.hash(), request.holderHash());
				return new IssuedTicket(ticket, false, changes.record(ticket));
			});
		}
		catch (DuplicateKeyException ex) {
			// the same key arrived twice at once: the unique index let only one through
			return replay(office, request).orElseThrow(() -> ex);
		}
		catch (MadoguchiException ex) {
			if (web) {
				this.limits.giveBack(request.holder(), request.address());
			}
			throw ex;
		}
	}

	/** One open ticket per phone per queue, so that no one can hold several places. */
	private void requireNoOpenTicket(Office office, String queue, LocalDate today, String holderHash) {
		if (holderHash == null) {
			return;
		}
		for (Ticket held : this.tickets.findByHolder(office.id(), today, holderHash)) {
			if (held.queue().equals(queue) && held.state().isOpen()) {
				throw new MadoguchiException(Kind.CONFLICT, "one-open-ticket-per-queue", held.number());
			}
		}
	}

	private Optional<IssuedTicket> replay(Office office, IssueRequest request) {
		if (request.idempotencyKey() == null) {
			return Optional.empty();
		}
		return this.tickets.findByIdempotencyKey(office.id(), request.idempotencyKey()).map((issued) -> {
			if (!request.hash().equals(issued.requestHash())) {
				throw new MadoguchiException(Kind.INVALID, "idempotency-key-reused");
			}
			return new IssuedTicket(issued.ticket(), true, List.of());
		});
	}

	/** The holder checks in with the code shown in the hall. */
	public Ticket checkIn(UUID ticketId, String code) {
		Ticket current = find(ticketId);
		Office office = this.offices.get(current.office());
		CheckInCodes.Verdict verdict = this.checkInCodes.verdict(office, code);
		if (verdict != CheckInCodes.Verdict.VALID) {
			throw new MadoguchiException(Kind.INVALID, verdict.problem());
		}
		return checkInPresent(office, ticketId);
	}

	/** Staff (or a kiosk that scanned the ticket) confirm that the holder is here. */
	public Ticket checkInByStaff(String officeId, UUID ticketId) {
		return checkInPresent(this.offices.get(officeId), ticketId);
	}

	private Ticket checkInPresent(Office office, UUID ticketId) {
		return change(office, (changes) -> {
			Ticket ticket = changes.load(ticketId);
			ticket.checkIn(changes.now(), office.rules());
			return changes.save(ticket);
		});
	}

	public Ticket cancel(UUID ticketId) {
		Office office = this.offices.get(find(ticketId).office());
		return change(office, (changes) -> {
			Ticket ticket = changes.load(ticketId);
			ticket.cancel(changes.now());
			return changes.save(ticket);
		});
	}

	/**
	 * Calls the first present ticket in line for the queues the counter serves. Web
	 * tickets ahead of it whose holders have not checked in are passed over: they keep
	 * their turn for the grace time if they check in.
	 */
	public Ticket callNext(String officeId, String counterId) {
		Office office = this.offices.get(officeId);
		Counter counter = office.counter(counterId);
		return change(office, (changes) -> {
			requireIdle(changes, counter);
			Ticket next = this.tickets.firstWaiting(office.id(), changes.today(), counter.queues())
				.orElseThrow(() -> new MadoguchiException(Kind.CONFLICT, "nobody-waiting", counter.id()));
			if (!next.front()) {
				for (Ticket absentHolder : this.tickets.absentWebHoldersBefore(office.id(), changes.today(),
						counter.queues(), next)) {
					absentHolder.passOver(changes.now(), office.rules());
					changes.save(absentHolder);
				}
			}
			next.call(counter.id(), changes.now(), office.rules());
			return changes.save(next);
		});
	}

	/** Calls a given number (a ticket waiting, or absent and back) to a counter. */
	public Ticket callNumber(String officeId, String counterId, String number) {
		Office office = this.offices.get(officeId);
		Counter counter = office.counter(counterId);
		return change(office, (changes) -> {
			requireIdle(changes, counter);
			Ticket ticket = this.tickets.findByNumber(office.id(), changes.today(), normalize(number))
				.orElseThrow(() -> new MadoguchiException(Kind.NOT_FOUND, "unknown-number", number));
			if (!counter.queues().contains(ticket.queue())) {
				throw new MadoguchiException(Kind.CONFLICT, "counter-does-not-serve", counter.id(), ticket.number());
			}
			ticket.call(counter.id(), changes.now(), office.rules());
			return changes.save(ticket);
		});
	}

	public Ticket recall(String officeId, String counterId) {
		return atCounter(officeId, counterId, (ticket, office, now) -> ticket.recall(counterId, now, office.rules()));
	}

	public Ticket markAbsent(String officeId, String counterId) {
		return atCounter(officeId, counterId,
				(ticket, office, now) -> ticket.markAbsent(counterId, now, office.rules()));
	}

	public Ticket start(String officeId, String counterId) {
		return atCounter(officeId, counterId, (ticket, office, now) -> ticket.start(counterId, now));
	}

	public Ticket done(String officeId, String counterId) {
		return atCounter(officeId, counterId, (ticket, office, now) -> ticket.done(counterId, now));
	}

	/** Sends the ticket at a counter to another queue, with a note for the next clerk. */
	public Ticket transferFromCounter(String officeId, String counterId, String toQueue, String note) {
		Office office = this.offices.get(officeId);
		String queue = office.queue(toQueue).id();
		return atCounter(officeId, counterId, (ticket, o, now) -> ticket.transfer(queue, note, now));
	}

	/** Sends a waiting ticket to another queue, keeping its place by issue time. */
	public Ticket transfer(String officeId, UUID ticketId, String toQueue, String note) {
		Office office = this.offices.get(officeId);
		String queue = office.queue(toQueue).id();
		return change(office, (changes) -> {
			Ticket ticket = changes.load(ticketId);
			ticket.transfer(queue, note, changes.now());
			return changes.save(ticket);
		});
	}

	/**
	 * Expires the open tickets of past business days, and today's once the office has
	 * closed.
	 * @return how many tickets expired
	 */
	public int expireClosed(String officeId) {
		Office office = this.offices.get(officeId);
		return change(office, (changes) -> {
			LocalDate today = changes.today();
			boolean over = office.hoursOn(today)
				.map((hours) -> !changes.now().atZone(office.zone()).toLocalTime().isBefore(hours.close()))
				.orElse(true);
			List<Ticket> open = this.tickets.openTicketsToExpire(office.id(), today, over);
			open.forEach((ticket) -> {
				ticket.expire(changes.now());
				changes.save(ticket);
			});
			return open.size();
		});
	}

	private Ticket atCounter(String officeId, String counterId, CounterStep step) {
		Office office = this.offices.get(officeId);
		Counter counter = office.counter(counterId);
		return change(office, (changes) -> {
			Ticket ticket = this.tickets.activeAt(office.id(), changes.today(), counter.id())
				.orElseThrow(() -> new MadoguchiException(Kind.CONFLICT, "counter-idle", counter.id()));
			step.apply(ticket, office, changes.now());
			return changes.save(ticket);
		});
	}

	private void requireIdle(Changes changes, Counter counter) {
		this.tickets.activeAt(changes.office.id(), changes.today(), counter.id()).ifPresent((busy) -> {
			throw new MadoguchiException(Kind.CONFLICT, "counter-busy", counter.id(), busy.number());
		});
	}

	private Ticket find(UUID ticketId) {
		return this.tickets.findById(ticketId)
			.orElseThrow(() -> new MadoguchiException(Kind.NOT_FOUND, "unknown-ticket"));
	}

	private static String normalize(String number) {
		return (number != null) ? number.trim().toUpperCase(java.util.Locale.ROOT).replace('－', '-') : "";
	}

	/**
	 * Runs a change of an office's tickets in the office's next batch, under its lock.
	 * The change must refuse before it writes anything (see {@link OfficeWriter}).
	 */
	private <R> R change(Office office, Function<Changes, R> work) {
		Instant now = this.clock.instant();
		return this.writer.write(office.id(), (numbers) -> {
			Changes changes = new Changes(office, now, numbers);
			R result = work.apply(changes);
			return new OfficeWriter.Change<>(result, changes.events);
		});
	}

	/** What one change did: the tickets it touched and their events. */
	private final class Changes {

		private final Office office;

		private final Instant now;

		private final DayNumbers numbers;

		private final List<TicketEvent> events = new ArrayList<>();

		private Changes(Office office, Instant now, DayNumbers numbers) {
			this.office = office;
			this.now = now;
			this.numbers = numbers;
		}

		int nextNumber(String queue) {
			return this.numbers.next(queue, today());
		}

		Instant now() {
			return this.now;
		}

		LocalDate today() {
			return LocalDate.ofInstant(this.now, this.office.zone());
		}

		Ticket load(UUID id) {
			Ticket ticket = find(id);
			if (!ticket.office().equals(this.office.id())) {
				throw new MadoguchiException(Kind.NOT_FOUND, "unknown-ticket");
			}
			return ticket;
		}

		Ticket save(Ticket ticket) {
			TicketService.this.tickets.update(ticket);
			record(ticket);
			return ticket;
		}

		/** Takes the events the ticket recorded into this change, and answers them. */
		List<TicketEvent> record(Ticket ticket) {
			List<TicketEvent> recorded = ticket.drainEvents();
			this.events.addAll(recorded);
			return recorded;
		}

	}

	@FunctionalInterface
	private interface CounterStep {

		void apply(Ticket ticket, Office office, Instant now);

	}

	/**
	 * A request for a ticket.
	 *
	 * @param idempotencyKey the client's key: a retry with the same key returns the same
	 * ticket
	 * @param holder the phone taking a web ticket (its device cookie), if known: it may
	 * hold one open ticket per queue
	 * @param address the network address a web ticket is asked from, for the limits
	 */
	public record IssueRequest(String office, String procedure, Channel channel, String idempotencyKey, String holder,
			String address) {

		public IssueRequest(String office, String procedure, Channel channel, String idempotencyKey) {
			this(office, procedure, channel, idempotencyKey, null, null);
		}

		String holderHash() {
			return (this.holder != null) ? Secrets.hash(this.holder) : null;
		}

		String hash() {
			return Secrets.hash(this.procedure + "|" + this.channel);
		}

	}

	/**
	 * An issued ticket.
	 *
	 * @param replayed whether it was issued by an earlier request with the same key
	 * @param steps the steps this request recorded (none for a replay)
	 */
	public record IssuedTicket(Ticket ticket, boolean replayed, List<TicketEvent> steps) {
	}

}
