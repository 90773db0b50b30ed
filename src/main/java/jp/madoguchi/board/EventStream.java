package jp.madoguchi.board;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jp.madoguchi.ticketing.TicketEvent;
import jp.madoguchi.ticketing.TicketQueries;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The live event stream of each office (Server-Sent Events). Each ticket event becomes
 * one message, {@code id} = its journal number, serialised once and handed to every
 * subscriber. Each subscriber is written by its own virtual thread from a bounded queue,
 * so a slow client holds up no one: when its queue overflows it is disconnected, and
 * reconnecting with {@code Last-Event-ID} replays what it missed from the journal,
 * without gaps or repeats.
 */
@Component
public class EventStream implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(EventStream.class);

	static final int MAX_REPLAY = 2000;

	private static final int SUBSCRIBER_QUEUE = 512;

	private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

	private static final Message SHUTDOWN = new Message(0, new byte[0]);

	private final Board board;

	private final TicketQueries queries;

	private final Duration timeout;

	private final JsonMapper json;

	private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

	private final BlockingQueue<TicketEvent> outbox = new LinkedBlockingQueue<>();

	private volatile boolean running;

	private Thread dispatcher;

	EventStream(Board board, TicketQueries queries, @Value("${madoguchi.events.timeout:PT30M}") Duration timeout,
			JsonMapper json) {
		this.json = json;
		this.board = board;
		this.queries = queries;
		this.timeout = timeout;
	}

	/**
	 * Starts a subscriber on an asynchronous request whose response headers are set:
	 * after {@code lastEventId} if given, else with a status. Messages are written
	 * straight to the servlet's output stream: the bytes are ready, nothing needs
	 * converting.
	 */
	public void subscribe(String office, Long lastEventId, AsyncContext async) throws IOException {
		async.setTimeout(this.timeout.toMillis());
		Subscriber subscriber = new Subscriber(office, async);
		async.addListener(subscriber);
		Set<Subscriber> ofOffice = this.subscribers.computeIfAbsent(office, (id) -> ConcurrentHashMap.newKeySet());
		ofOffice.add(subscriber);
		try {
			sendBeginning(subscriber, lastEventId);
		}
		catch (IOException ex) {
			subscriber.complete();
			return;
		}
		Thread.ofVirtual().name("sse-" + office).start(subscriber::run);
	}

	private void sendBeginning(Subscriber subscriber, Long lastEventId) throws IOException {
		long last = this.board.lastEvent(subscriber.office);
		if (lastEventId != null && lastEventId <= last && last - lastEventId <= MAX_REPLAY) {
			List<TicketEvent> missed = this.queries.eventsAfter(subscriber.office, lastEventId, MAX_REPLAY);
			subscriber.lastSent = lastEventId;
			long caughtUp = lastEventId;
			for (TicketEvent event : missed) {
				subscriber.write(format(event));
				caughtUp = event.seq();
			}
			// tells a client what it received so far was the past (a hall display does
			// not chime for calls it missed)
			subscriber.write(message(caughtUp, "caught-up", Map.of("eventId", caughtUp)));
			return;
		}
		if (lastEventId != null) {
			// too far behind (or from another database): start afresh
			subscriber.write(message(last, "reset", Map.of("eventId", last)));
		}
		subscriber.write(message(last, "status", this.board.status(subscriber.office, Locale.JAPANESE)));
	}

	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	void on(TicketEvent event) {
		if (this.subscribers.containsKey(event.office())) {
			this.outbox.add(event);
		}
	}

	private void dispatch() {
		while (this.running) {
			try {
				TicketEvent event = this.outbox.take();
				Set<Subscriber> ofOffice = this.subscribers.get(event.office());
				if (ofOffice != null && !ofOffice.isEmpty()) {
					Message message = format(event);
					ofOffice.forEach((subscriber) -> subscriber.offer(message));
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				logger.error("Could not dispatch an event", ex);
			}
		}
	}

	Message format(TicketEvent event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("eventId", event.seq());
		data.put("kind", name(event.kind()));
		data.put("number", event.number());
		data.put("queue", event.queue());
		data.put("fromQueue", event.fromQueue());
		data.put("state", name(event.state()));
		data.put("from", name(event.from()));
		data.put("counter", event.counter());
		data.put("at", event.at());
		data.put("until", event.until());
		data.put("queueStatus", this.board.queueStatus(event.office(), event.queue(), Locale.JAPANESE));
		if (!event.fromQueue().equals(event.queue())) {
			data.put("fromQueueStatus", this.board.queueStatus(event.office(), event.fromQueue(), Locale.JAPANESE));
		}
		return message(event.seq(), name(event.kind()), data);
	}

	private Message message(long id, String name, Object data) {
		String text = "id: " + id + "\nevent: " + name + "\ndata: " + this.json.writeValueAsString(data) + "\n\n";
		return new Message(id, text.getBytes(StandardCharsets.UTF_8));
	}

	private static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@Scheduled(fixedRateString = "${madoguchi.events.heartbeat:PT20S}")
	void heartbeat() {
		Message beat = new Message(0, HEARTBEAT);
		this.subscribers.values().forEach((set) -> set.forEach((subscriber) -> subscriber.offer(beat)));
	}

	@Override
	public void start() {
		this.running = true;
		this.dispatcher = Thread.ofPlatform().daemon().name("sse-dispatch").start(this::dispatch);
	}

	@Override
	public void stop() {
		this.running = false;
		this.dispatcher.interrupt();
		this.subscribers.values().forEach((set) -> set.forEach(Subscriber::complete));
		this.subscribers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** A message of the stream: {@code seq} 0 for heartbeats, which are never skipped. */
	record Message(long seq, byte[] bytes) {
	}

	private final class Subscriber implements AsyncListener {

		private final String office;

		private final AsyncContext async;

		private final OutputStream out;

		private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>(SUBSCRIBER_QUEUE);

		private volatile long lastSent;

		private volatile boolean open = true;

		private Subscriber(String office, AsyncContext async) throws IOException {
			this.office = office;
			this.async = async;
			this.out = async.getResponse().getOutputStream();
		}

		void offer(Message message) {
			if (this.open && !this.queue.offer(message)) {
				// too slow to keep up: let it reconnect and catch up from the journal
				complete();
			}
		}

		void run() {
			try {
				while (this.open) {
					Message message = this.queue.take();
					if (message == SHUTDOWN) {
						return;
					}
					if (message.seq() == 0 || message.seq() > this.lastSent) {
						write(message);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IOException | IllegalStateException ex) {
				complete();
			}
		}

		void write(Message message) throws IOException {
			synchronized (this.out) {
				this.out.write(message.bytes());
				this.out.flush();
			}
			if (message.seq() > 0) {
				this.lastSent = message.seq();
			}
		}

		void complete() {
			close();
			try {
				this.async.complete();
			}
			catch (RuntimeException ex) {
				// already completed
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
			close();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			complete();
		}

		@Override
		public void onError(AsyncEvent event) {
			complete();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

		void close() {
			if (!this.open) {
				return;
			}
			this.open = false;
			Set<Subscriber> ofOffice = EventStream.this.subscribers.get(this.office);
			if (ofOffice != null) {
				ofOffice.remove(this);
			}
			this.queue.clear();
			this.queue.offer(SHUTDOWN);
		}

	}

}
