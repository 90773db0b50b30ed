/**
 * The counter terminal: a clerk picks a counter, sees the line of the queues it serves,
 * and calls, recalls, marks absent, serves, transfers, pauses and closes — live over the
 * office's event stream. Whether a counter is open, on a break or closed is kept here
 * ({@link jp.madoguchi.counter.CounterStates}), and told to the wait estimate. Uses
 * {@code ticketing}, {@code estimate}, {@code office}, {@code staff} and {@code shared}.
 */
package jp.madoguchi.counter;
