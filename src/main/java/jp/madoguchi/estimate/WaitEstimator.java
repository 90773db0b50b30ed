package jp.madoguchi.estimate;

import java.time.Instant;

import jp.madoguchi.office.Office;

/** Estimates the wait at every place of a queue's line. */
public interface WaitEstimator {

	LineEstimate estimate(Office office, Line line, Instant now);

}
