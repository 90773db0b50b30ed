package jp.madoguchi.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application in a process of its own, started as a user would start it (same JDK,
 * same class path), so that a test can kill it with SIGKILL and start it again.
 */
public final class AppProcess implements AutoCloseable {

	private final List<String> arguments;

	private final Path log;

	private final int port;

	private Process process;

	public AppProcess(Path log, String... arguments) {
		this.port = freePort();
		this.log = log;
		this.arguments = new ArrayList<>(List.of(arguments));
		this.arguments.add("--server.port=" + this.port);
	}

	public AppProcess start() {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				"jp.madoguchi.MadoguchiApplication"));
		command.addAll(this.arguments);
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitUp(Duration.ofSeconds(90));
		return this;
	}

	private void awaitUp(Duration timeout) {
		long end = System.nanoTime() + timeout.toNanos();
		Api api = api();
		while (System.nanoTime() < end) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The application stopped while starting; see " + this.log);
			}
			try {
				if (api.get("/actuator/health").status() == 200) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			sleep(200);
		}
		throw new IllegalStateException("The application did not start within " + timeout + "; see " + this.log);
	}

	/** Starts the application again on the same port (after {@link #killHard()}). */
	public AppProcess restart() throws InterruptedException {
		killHard();
		return start();
	}

	public int port() {
		return this.port;
	}

	/** Kills the process at once, as a power cut or {@code kill -9} would. */
	public void killHard() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	public Api api() {
		return new Api(this.port);
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public static File tempLog(String name) {
		try {
			return File.createTempFile(name, ".log");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
