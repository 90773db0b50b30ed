package jp.madoguchi.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * A Server-Sent Events client over real HTTP, as a browser's EventSource would connect.
 */
public final class SseClient implements AutoCloseable {

	private static final HttpClient client = HttpClient.newHttpClient();

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private volatile Stream<String> lines;

	private SseClient(String url, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		this.response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
		this.response.thenAccept((answer) -> Thread.ofVirtual().start(() -> read(answer.body())));
	}

	public static SseClient connect(String url, String lastEventId) {
		return new SseClient(url, lastEventId);
	}

	private void read(Stream<String> body) {
		this.lines = body;
		String id = null;
		String name = "message";
		StringBuilder data = new StringBuilder();
		try {
			for (String line : (Iterable<String>) body::iterator) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(id, name, data.toString()));
					}
					name = "message";
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).trim();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).trim();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).trim());
				}
			}
		}
		catch (RuntimeException ex) {
			// closed
		}
	}

	/** The next event, waiting up to {@code timeout}; fails when none comes. */
	public Event next(Duration timeout) throws InterruptedException {
		Event event = this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (event == null) {
			throw new AssertionError("No server-sent event within " + timeout);
		}
		return event;
	}

	/** The next event of a kind, skipping others. */
	public Event next(String name, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		while (true) {
			Event event = next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
			if (event.name().equals(name)) {
				return event;
			}
		}
	}

	/** Events received so far and not yet taken. */
	public List<Event> drain() {
		List<Event> drained = new ArrayList<>();
		this.events.drainTo(drained);
		return drained;
	}

	@Override
	public void close() {
		Stream<String> body = this.lines;
		if (body != null) {
			body.close();
		}
		this.response.cancel(true);
	}

	/** One event of the stream. */
	public record Event(String id, String name, String data) {

		public JsonNode json() {
			return Api.JSON.readTree(this.data);
		}

		public long eventId() {
			return Long.parseLong(this.id);
		}

	}

}
