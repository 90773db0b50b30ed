package jp.madoguchi.estimate.predict;

/**
 * Puts some ranks of an array in place — the value at index r becomes the r-th smallest —
 * without sorting the rest (quickselect for several ranks at once).
 */
final class OrderStatistics {

	/** Below this size a range is sorted outright. */
	private static final int SMALL = 16;

	private OrderStatistics() {
	}

	/**
	 * Puts {@code ranks[rFrom..rTo]} (ascending, all within {@code [lo, hi]}) in place.
	 */
	static void select(double[] a, int lo, int hi, int[] ranks, int rFrom, int rTo) {
		while (rFrom <= rTo) {
			if (hi - lo < SMALL) {
				insertionSort(a, lo, hi);
				return;
			}
			double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
			// three ways, so that many equal values (many zero waits) end at once:
			// [lo, lt) below the pivot, [lt, gt] equal, (gt, hi] above
			int lt = lo;
			int gt = hi;
			int i = lo;
			while (i <= gt) {
				if (a[i] < pivot) {
					swap(a, lt++, i++);
				}
				else if (a[i] > pivot) {
					swap(a, i, gt--);
				}
				else {
					i++;
				}
			}
			int left = rFrom;
			while (left <= rTo && ranks[left] < lt) {
				left++;
			}
			int right = left;
			while (right <= rTo && ranks[right] <= gt) {
				right++;
			}
			if (left > rFrom) {
				select(a, lo, lt - 1, ranks, rFrom, left - 1);
			}
			lo = gt + 1;
			rFrom = right;
		}
	}

	private static double medianOfThree(double x, double y, double z) {
		return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
	}

	private static void insertionSort(double[] a, int lo, int hi) {
		for (int i = lo + 1; i <= hi; i++) {
			double value = a[i];
			int j = i - 1;
			while (j >= lo && a[j] > value) {
				a[j + 1] = a[j];
				j--;
			}
			a[j + 1] = value;
		}
	}

	private static void swap(double[] a, int i, int j) {
		double t = a[i];
		a[i] = a[j];
		a[j] = t;
	}

}
