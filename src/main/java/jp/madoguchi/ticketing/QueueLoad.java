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

	/**
	 * The number of the last ticket event of the office that changed this queue's line (a
	 * ticket of the queue, or one moved out of it): its estimate changes only when it
	 * does, or the minute turns.
	 */
	long lastEvent(String office, String queue);

}
