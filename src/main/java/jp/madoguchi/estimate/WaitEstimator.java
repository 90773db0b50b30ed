package jp.madoguchi.estimate;

import jp.madoguchi.office.Office;

/** Estimates the wait at every place of a queue's line. */
public interface WaitEstimator {

	LineEstimate estimate(Office office, Line line);

}
