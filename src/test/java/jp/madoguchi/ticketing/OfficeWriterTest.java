package jp.madoguchi.ticketing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.shared.MadoguchiException;
import jp.madoguchi.support.AppTest;
import jp.madoguchi.support.H2;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit keeps each change's outcome its own: changes that arrive together commit
 * together, a refusal fails only its own change, and a change that fails after writing is
 * rolled back alone while the others of its batch still commit.
 */
@ContextConfiguration(initializers = H2.class)
class OfficeWriterTest extends AppTest {

	@Autowired
	private OfficeWriter writer;

	@Autowired
	private JdbcClient jdbc;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	@Test
	void aFailingChangeFailsAloneAndLeavesNoTrace() throws Exception {
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// the first change holds the writer, so that the next ones wait and form one
		// batch
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> this.writer.write(KONAN, () -> {
			holding.countDown();
			await(release);
			return new OfficeWriter.Change<>(insert("writer-first"), List.of());
		}), this.threads);
		assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
		List<CompletableFuture<String>> others = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String name = "writer-good-" + i;
			others.add(CompletableFuture.supplyAsync(
					() -> this.writer.write(KONAN, () -> new OfficeWriter.Change<>(insert(name), List.of())),
					this.threads));
		}
		CompletableFuture<String> refused = CompletableFuture.supplyAsync(() -> this.writer.write(KONAN, () -> {
			throw new MadoguchiException(MadoguchiException.Kind.CONFLICT, "nobody-waiting", "1");
		}), this.threads);
		CompletableFuture<String> broken = CompletableFuture.supplyAsync(() -> this.writer.write(KONAN, () -> {
			insert("writer-broken");
			throw new IllegalStateException("the database went away");
		}), this.threads);
		Thread.sleep(200);
		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("writer-first");
		for (int i = 0; i < 4; i++) {
			assertThat(others.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("writer-good-" + i);
		}
		assertThat(failure(refused)).isInstanceOf(MadoguchiException.class);
		assertThat(failure(broken)).isInstanceOf(IllegalStateException.class);
		assertThat(this.jdbc.sql("SELECT name FROM app_secret WHERE name LIKE 'writer-%' ORDER BY name")
			.query(String.class)
			.list())
			.containsExactly("writer-first", "writer-good-0", "writer-good-1", "writer-good-2", "writer-good-3");
	}

	private String insert(String name) {
		this.jdbc.sql("INSERT INTO app_secret (name, secret) VALUES (?, 'x')").param(name).update();
		return name;
	}

	private static Throwable failure(CompletableFuture<?> future) throws InterruptedException {
		try {
			future.get(10, TimeUnit.SECONDS);
			throw new AssertionError("expected a failure");
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new AssertionError(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
