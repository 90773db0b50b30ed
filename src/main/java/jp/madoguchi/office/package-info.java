/**
 * Offices, their divisions, queues, procedures and counters, their opening days and hours
 * (with Japanese national holidays computed by rule), read from definition files such as
 * {@code offices/konan.yaml}. Uses only {@code shared}.
 */
package jp.madoguchi.office;
