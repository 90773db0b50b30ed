/**
 * Staff accounts, registered devices (kiosks, hall displays) and the security rules of
 * the API. Uses {@code office} and {@code shared}.
 */
package jp.madoguchi.staff;
