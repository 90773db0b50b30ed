/**
 * A simulated ward office day that drives the real ticket engine through a simulated
 * clock: arrivals, web holders who leave home on the "come now" estimate, counters with a
 * lunch rotation, service times by procedure — to measure wait estimators against what
 * the engine then does. Uses {@code ticketing}, {@code office}, {@code estimate} and
 * {@code shared}.
 */
package jp.madoguchi.simulation;
