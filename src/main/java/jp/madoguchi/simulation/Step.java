package jp.madoguchi.simulation;

/**
 * Something to do at a minute of the office's day; steps at the same minute keep the
 * order they were planned in.
 */
record Step(double at, long order, Runnable action) implements Comparable<Step> {

	@Override
	public int compareTo(Step other) {
		int byTime = Double.compare(this.at, other.at);
		return (byTime != 0) ? byTime : Long.compare(this.order, other.order);
	}

}
