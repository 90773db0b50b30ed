/**
 * The kiosk (発券機): a touch screen that issues paper tickets — division, procedure, print
 * on 80 mm paper with a QR code of the ticket's page — and checks web tickets in by their
 * QR code or number and PIN. On a registered device. Uses {@code ticketing},
 * {@code office}, {@code staff} and {@code shared}.
 */
package jp.madoguchi.kiosk;
