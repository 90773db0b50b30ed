package jp.madoguchi.estimate.predict;

import java.util.Arrays;

/** One way of estimating a wait from a {@link Situation}. */
public interface Predictor {

	/** A short name for tables. */
	String name();

	Prediction predict(Situation situation);

	/**
	 * The prediction for every place of the situation's line: element {@code k} for a
	 * holder with the first {@code k} tickets ahead before them, the last for someone
	 * joining the end of the line now.
	 */
	default Prediction[] predictEach(Situation situation) {
		Prediction[] predictions = new Prediction[situation.ahead().size() + 1];
		for (int k = 0; k < predictions.length; k++) {
			predictions[k] = predict(situation.withFirst(k));
		}
		return predictions;
	}

	/**
	 * The first {@code places} predictions of {@link #predictEach}, for a caller that
	 * needs no more of the line.
	 */
	default Prediction[] predictFirst(Situation situation, int places) {
		return Arrays.copyOf(predictEach(situation), places);
	}

}
