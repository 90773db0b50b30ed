package jp.madoguchi.estimate;

import java.time.Instant;

import jp.madoguchi.office.Office;
import jp.madoguchi.office.OfficeDefinition;

import org.springframework.stereotype.Component;

/**
 * The classical estimate: people ahead × recent mean service time ÷ counters serving the
 * queue (a counter that serves several queues counts for each in part). Before any
 * service has been observed today, the procedures' expected minutes stand in for the
 * mean. The range is a fixed spread around the estimate; the estimator issue replaces
 * this with a measured one.
 */
@Component
class SimpleWaitEstimator implements WaitEstimator {

	private static final double LOW = 0.6;

	private static final double HIGH = 1.6;

	private final ServiceTimes serviceTimes;

	SimpleWaitEstimator(ServiceTimes serviceTimes) {
		this.serviceTimes = serviceTimes;
	}

	@Override
	public WaitEstimate estimate(Office office, String queue, int peopleAhead, Instant now) {
		if (peopleAhead <= 0) {
			return WaitEstimate.NONE;
		}
		double mean = this.serviceTimes.recentMeanMinutes(office.id(), queue)
			.orElseGet(() -> expectedMinutes(office, queue));
		double minutes = peopleAhead * mean / counters(office, queue);
		return new WaitEstimate((int) Math.round(minutes), (int) Math.floor(minutes * LOW),
				(int) Math.ceil(minutes * HIGH));
	}

	private static double expectedMinutes(Office office, String queue) {
		return office.proceduresOf(queue).stream().mapToInt(OfficeDefinition.Procedure::minutes).average().orElse(10);
	}

	private static double counters(Office office, String queue) {
		double share = office.countersServing(queue).stream().mapToDouble((c) -> 1.0 / c.queues().size()).sum();
		return Math.max(share, 1.0);
	}

}
