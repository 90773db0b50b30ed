package jp.madoguchi.estimate;

import jp.madoguchi.office.Office;

/** Estimates the wait at every place of a queue's line. */
public interface WaitEstimator {

	LineEstimate estimate(Office office, Line line);

	/**
	 * A bound in minutes on the estimated wait of a holder with this many tickets ahead
	 * in a queue, found without reading or estimating the line: a caller who only needs
	 * to know whether the wait ends before some moment can skip the estimate when the
	 * bound does. Infinite when the estimator cannot bound its estimate.
	 */
	default double ceiling(Office office, String queue, int ahead) {
		return Double.POSITIVE_INFINITY;
	}

}
