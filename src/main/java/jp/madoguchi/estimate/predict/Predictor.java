package jp.madoguchi.estimate.predict;

/** One way of estimating a wait from a {@link Situation}. */
public interface Predictor {

	/** A short name for tables. */
	String name();

	Prediction predict(Situation situation);

}
