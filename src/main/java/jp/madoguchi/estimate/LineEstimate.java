package jp.madoguchi.estimate;

import java.util.List;

/**
 * The estimated wait at every place of a line: {@link #at} answers for a holder with so
 * many tickets ahead.
 */
public final class LineEstimate {

	private final List<WaitEstimate> places;

	private final double minutesPerExtraPlace;

	/**
	 * @param places the estimate with 0, 1, … n tickets ahead, where n is the length of
	 * the line
	 * @param minutesPerExtraPlace what each place beyond the line adds (tickets that
	 * joined since the line was read)
	 */
	public LineEstimate(List<WaitEstimate> places, double minutesPerExtraPlace) {
		if (places.isEmpty()) {
			throw new IllegalArgumentException("A line estimate has at least the place at its end");
		}
		this.places = List.copyOf(places);
		this.minutesPerExtraPlace = minutesPerExtraPlace;
	}

	/** The wait of a holder with this many tickets ahead. */
	public WaitEstimate at(int ahead) {
		if (ahead <= 0) {
			return this.places.get(0);
		}
		if (ahead < this.places.size()) {
			return this.places.get(ahead);
		}
		WaitEstimate last = this.places.get(this.places.size() - 1);
		double extra = (ahead - this.places.size() + 1) * this.minutesPerExtraPlace;
		double minutes = last.minutes() + extra;
		double scale = (last.minutes() > 0) ? minutes / last.minutes() : 1;
		return new WaitEstimate((int) Math.round(minutes), (int) Math.floor(Math.min(last.low() * scale, minutes)),
				(int) Math.ceil(Math.max(last.high() * scale, minutes)));
	}

	/** The length of the line this was computed for. */
	public int lineLength() {
		return this.places.size() - 1;
	}

}
