package io.livechat.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names in the order a room's list shows them (case-insensitive), each once. A join in a
 * cluster needs this node's users and the other nodes' as one list while its room is locked, so
 * the two lists, each kept in that order, are merged in one pass instead of sorted again.
 */
final class SortedNames {

	private static final Comparator<String> ORDER = String.CASE_INSENSITIVE_ORDER;

	private SortedNames() {
	}

	/**
	 * The names of {@code some} and {@code others}, in any order and with repeats, as one list in
	 * order, each once; a name in both (ignoring case) is taken as it first appears, in
	 * {@code some} before {@code others}.
	 */
	static List<String> of(List<String> some, List<String> others) {
		List<String> names = new ArrayList<>(some.size() + others.size());
		names.addAll(some);
		names.addAll(others);
		names.sort(ORDER); // stable: of equal names, the first stays first
		int kept = 0;
		for (String name : names) {
			if (kept == 0 || ORDER.compare(names.get(kept - 1), name) != 0) {
				names.set(kept++, name);
			}
		}
		return new ArrayList<>(names.subList(0, kept));
	}

	/**
	 * {@code first} and {@code second}, each in order and without repeats, as one list in
	 * order; a name in both (ignoring case) is taken once, as {@code first} spells it.
	 */
	static List<String> union(List<String> first, List<String> second) {
		List<String> names = new ArrayList<>(first.size() + second.size());
		int i = 0;
		int j = 0;
		while (i < first.size() && j < second.size()) {
			String a = first.get(i);
			String b = second.get(j);
			int order = ORDER.compare(a, b);
			if (order <= 0) {
				names.add(a);
				i++;
				if (order == 0) {
					j++;
				}
			}
			else {
				names.add(b);
				j++;
			}
		}
		names.addAll(first.subList(i, first.size()));
		names.addAll(second.subList(j, second.size()));
		return names;
	}

}
