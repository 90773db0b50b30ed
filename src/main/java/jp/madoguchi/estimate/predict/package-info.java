/**
 * Wait estimators behind one interface, on a
 * {@link jp.madoguchi.estimate.predict.Situation} every one of them sees alike: the
 * literature's baselines and Madoguchi's own, measured against each other by the
 * simulator.
 */
@NamedInterface("predict")
package jp.madoguchi.estimate.predict;

import org.springframework.modulith.NamedInterface;
