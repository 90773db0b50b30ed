/**
 * Telling a web ticket's holder when to leave for the office ("come now") and when they
 * are called, over pluggable channels ({@link jp.madoguchi.notify.Notifier}: e-mail and
 * Web Push here; LINE or SMS can be added as further notifiers). The contact is kept only
 * while the ticket is open and never past its day. Uses {@code ticketing}, {@code office}
 * and {@code shared}.
 */
package jp.madoguchi.notify;
