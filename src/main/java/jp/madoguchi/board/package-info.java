/**
 * The live read model of each office (who is in line, who is being called, estimates,
 * whether web tickets are open) behind the status API and the Server-Sent Events stream —
 * the shape of the hall display. Fed by ticket events; uses {@code ticketing},
 * {@code estimate}, {@code office} and {@code shared}.
 */
package jp.madoguchi.board;
