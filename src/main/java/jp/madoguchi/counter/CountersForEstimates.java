package jp.madoguchi.counter;

import java.util.Set;

import jp.madoguchi.estimate.CounterAvailability;
import jp.madoguchi.office.Office;

import org.springframework.stereotype.Component;

/** Tells the estimate which counters are on a break or closed. */
@Component
class CountersForEstimates implements CounterAvailability {

	private final CounterStates states;

	CountersForEstimates(CounterStates states) {
		this.states = states;
	}

	@Override
	public Set<String> notOpen(Office office) {
		return this.states.notOpen(office).keySet();
	}

}
