/**
 * The citizen's pages: congestion of the office, taking a web ticket, following it live,
 * checking in and cancelling — server-rendered, usable without JavaScript, live over
 * Server-Sent Events with it. Uses {@code ticketing}, {@code board}, {@code notify},
 * {@code office}, {@code estimate} and {@code shared}.
 */
package jp.madoguchi.citizen;
