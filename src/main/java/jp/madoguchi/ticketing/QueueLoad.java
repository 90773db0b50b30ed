package jp.madoguchi.ticketing;

/**
 * How many people are in a queue's line right now, from a live read model (implemented by
 * the display board), so that projecting a wait costs the same at any queue length.
 */
public interface QueueLoad {

	int peopleInLine(String office, String queue);

}
