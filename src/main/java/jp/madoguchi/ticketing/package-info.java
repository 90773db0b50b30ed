/**
 * The ticket engine: issuing, checking in, calling, serving, transferring, cancelling and
 * expiring tickets, each step journaled per office and published as a
 * {@link jp.madoguchi.ticketing.TicketEvent} after commit, on this instance and (through
 * PostgreSQL NOTIFY) on every other. Uses {@code office}, {@code estimate}, {@code staff}
 * and {@code shared}; the display board supplies
 * {@link jp.madoguchi.ticketing.QueueLoad}.
 */
package jp.madoguchi.ticketing;
