package jp.madoguchi.estimate.predict;

/**
 * An estimated wait in minutes, with a range (10th–90th percentile) where the estimator
 * gives one; NaN where it does not.
 */
public record Prediction(double minutes, double low, double high) {

	public static Prediction of(double minutes) {
		return new Prediction(Math.max(0, minutes), Double.NaN, Double.NaN);
	}

	public boolean hasRange() {
		return !Double.isNaN(this.low) && !Double.isNaN(this.high);
	}

}
