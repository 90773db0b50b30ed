/**
 * A simulated ward office day that drives the real ticket engine through a simulated
 * clock: arrivals, web holders who leave home on the "come now" estimate, counters with a
 * lunch rotation, service times by procedure — to measure wait estimators against what
 * the engine then does; and demo mode, which plays such a day through the running
 * application's own API. Uses {@code ticketing}, {@code board}, {@code office},
 * {@code estimate} and {@code shared}.
 */
package jp.madoguchi.simulation;
