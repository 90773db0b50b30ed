package jp.madoguchi.estimate;

import java.time.Instant;

import jp.madoguchi.office.Office;

/** Estimates how long someone with a number of people ahead will wait in a queue. */
public interface WaitEstimator {

	WaitEstimate estimate(Office office, String queue, int peopleAhead, Instant now);

}
