/**
 * Wait estimates: how long someone will wait given the people ahead of them. Holds recent
 * service times as they are reported to it. Uses only {@code office}.
 */
package jp.madoguchi.estimate;
