/**
 * Wait estimates: Madoguchi's estimator on a queue's line
 * ({@link jp.madoguchi.estimate.WaitEstimator}), with what the office has learned of its
 * services ({@link jp.madoguchi.estimate.ServiceTimes}) and its holders
 * ({@link jp.madoguchi.estimate.HolderBehaviour}), and the counters open now
 * ({@link jp.madoguchi.estimate.CounterAvailability}, implemented where counters are
 * kept). Uses only {@code office}; the line itself is read by {@code ticketing}.
 */
package jp.madoguchi.estimate;
