package jp.madoguchi.ticketing;

/**
 * How many people are in a queue's line right now, from a live read model (implemented by
 * the display board), so that projecting a wait costs the same at any queue length.
 */
public interface QueueLoad {

	int peopleInLine(String office, String queue);

	/**
	 * The number of the last ticket event of the office the read model has applied: the
	 * lines change only when it does.
	 */
	long lastEvent(String office);

}
