/**
 * The hall display (呼出表示盤): numbers being called and where, waits per division, the
 * web-ticket rule, the check-in QR code and the hall's notices, with a chime and a voice
 * for each call — on a registered device, live over the office's event stream. Uses
 * {@code board}, {@code ticketing}, {@code office}, {@code staff} and {@code shared}.
 */
package jp.madoguchi.display;
