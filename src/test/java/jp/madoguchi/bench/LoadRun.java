package jp.madoguchi.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Runs a closed-loop load: {@code connections} keep-alive connections, each sending its
 * next request as soon as the previous answer is in, for a fixed time after a warm-up.
 * Counts answers and records every latency.
 */
final class LoadRun {

	private LoadRun() {
	}

	static Result run(int port, int connections, Duration warmup, Duration measure, IntFunction<byte[]> requests,
			int expectedStatus) throws InterruptedException {
		AtomicBoolean measuring = new AtomicBoolean();
		AtomicBoolean stop = new AtomicBoolean();
		LongAdder errors = new LongAdder();
		List<long[]> latencies = new ArrayList<>();
		List<int[]> counts = new ArrayList<>();
		CountDownLatch finished = new CountDownLatch(connections);
		for (int c = 0; c < connections; c++) {
			long[] mine = new long[2_000_000];
			int[] count = new int[1];
			latencies.add(mine);
			counts.add(count);
			int client = c;
			Thread.ofVirtual().start(() -> {
				RawHttp http = null;
				try {
					int i = 0;
					while (!stop.get()) {
						if (http == null) {
							http = new RawHttp(port);
						}
						byte[] request = requests.apply(client * 1_000_000 + i++);
						long start = System.nanoTime();
						RawHttp.Response response;
						try {
							response = http.exchange(request, false);
						}
						catch (IOException ex) {
							// the server closed a kept-alive connection: open another
							http.close();
							http = null;
							continue;
						}
						long took = System.nanoTime() - start;
						if (measuring.get() && count[0] < mine.length) {
							if (response.status() != expectedStatus) {
								errors.increment();
							}
							mine[count[0]++] = took;
						}
						if (response.close()) {
							http.close();
							http = null;
						}
					}
				}
				catch (Exception ex) {
					errors.increment();
				}
				finally {
					closeQuietly(http);
					finished.countDown();
				}
			});
		}
		Thread.sleep(warmup.toMillis());
		measuring.set(true);
		long start = System.nanoTime();
		Thread.sleep(measure.toMillis());
		measuring.set(false);
		double seconds = (System.nanoTime() - start) / 1e9;
		stop.set(true);
		finished.await();
		int total = counts.stream().mapToInt((c) -> c[0]).sum();
		long[] all = new long[total];
		int at = 0;
		for (int c = 0; c < connections; c++) {
			System.arraycopy(latencies.get(c), 0, all, at, counts.get(c)[0]);
			at += counts.get(c)[0];
		}
		Arrays.sort(all);
		return new Result(connections, total, total / seconds, percentile(all, 0.50), percentile(all, 0.99),
				errors.sum());
	}

	private static void closeQuietly(RawHttp http) {
		if (http != null) {
			try {
				http.close();
			}
			catch (IOException ex) {
				// closing
			}
		}
	}

	static double percentile(long[] sortedNanos, double p) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
		return sortedNanos[Math.max(0, index)] / 1e6;
	}

	record Result(int connections, int requests, double perSecond, double p50Millis, double p99Millis, long errors) {

		@Override
		public String toString() {
			return String.format("%d clients: %,.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors (%,d requests)",
					this.connections, this.perSecond, this.p50Millis, this.p99Millis, this.errors, this.requests);
		}

	}

}
