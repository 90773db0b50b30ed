package jp.madoguchi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives {@code wrk} (Debian package {@code wrk}), an event-loop HTTP load generator that
 * costs the shared cores far less than a client on the JVM would, and reads its report.
 */
final class Wrk {

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

	private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");

	private Wrk() {
	}

	static void requireInstalled() {
		try {
			new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The benchmark needs wrk: apt-get install -y wrk", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Runs wrk with one thread and {@code connections} connections; a Lua script if
	 * given.
	 */
	static Result run(int port, String path, int connections, Duration duration, String luaScript)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections,
				"-d" + duration.toSeconds() + "s", "--latency", "--timeout", "10s"));
		Path script = (luaScript != null) ? Files.createTempFile("madoguchi-bench", ".lua") : null;
		if (script != null) {
			Files.writeString(script, luaScript);
			command.add("-s");
			command.add(script.toString());
		}
		command.add("http://127.0.0.1:" + port + path);
		String out;
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
		}
		finally {
			if (script != null) {
				Files.delete(script);
			}
		}
		return new Result(connections, number(RATE, out), percentile(out, "50%"), percentile(out, "99%"),
				(long) number(NON_2XX, out), (long) number(TOTAL, out));
	}

	private static double number(Pattern pattern, String out) {
		Matcher matcher = pattern.matcher(out);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	private static double percentile(String out, String which) {
		Matcher matcher = Pattern.compile("\\s" + which + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
		if (!matcher.find()) {
			return Double.NaN;
		}
		double value = Double.parseDouble(matcher.group(1));
		return switch (matcher.group(2)) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

	record Result(int connections, double perSecond, double p50Millis, double p99Millis, long errors, long requests) {

		@Override
		public String toString() {
			return String.format("%d clients: **%,.0f req/s**, p50 %.1f ms, **p99 %.1f ms**, %d errors (%,d requests)",
					this.connections, this.perSecond, this.p50Millis, this.p99Millis, this.errors, this.requests);
		}

	}

}
