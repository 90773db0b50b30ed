package jp.madoguchi.estimate;

import java.util.Set;

import jp.madoguchi.office.Office;

/**
 * Which counters are not serving now (on a break, closed): implemented by the module that
 * keeps the counters' state, so that the estimate drains the line only over the counters
 * that are open.
 */
public interface CounterAvailability {

	Set<String> notOpen(Office office);

}
