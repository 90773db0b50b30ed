package jp.madoguchi.estimate;

/**
 * An estimated wait in minutes with its likely range.
 *
 * @param minutes the central estimate
 * @param low the low end of the range (about the 10th percentile)
 * @param high the high end of the range (about the 90th percentile)
 */
public record WaitEstimate(int minutes, int low, int high) {

	public static final WaitEstimate NONE = new WaitEstimate(0, 0, 0);

}
