package io.livechat.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SortedNamesTest {

	@Test
	void twoSortedListsBecomeOneInTheOrderARoomShowsIgnoringCase() {
		assertThat(SortedNames.union(List.of("alex", "Kim", "zoe"), List.of("Bea", "kris", "Sam")))
			.containsExactly("alex", "Bea", "Kim", "kris", "Sam", "zoe");
	}

	@Test
	void aNameInBothIsTakenOnceAsTheFirstListSpellsIt() {
		assertThat(SortedNames.union(List.of("Alex", "Sam"), List.of("alex", "Kim", "Sam")))
			.containsExactly("Alex", "Kim", "Sam");
	}

	@Test
	void anEmptyListGivesTheOther() {
		assertThat(SortedNames.union(List.of(), List.of("Alex", "Sam"))).containsExactly("Alex", "Sam");
		assertThat(SortedNames.union(List.of("Alex", "Sam"), List.of())).containsExactly("Alex", "Sam");
		assertThat(SortedNames.union(List.of(), List.of())).isEmpty();
	}

	@Test
	void unsortedNamesWithRepeatsBecomeTheRoomsOrderEachOnceAsFirstSpelled() {
		assertThat(SortedNames.of(List.of("Sam", "alex", "Kim", "sam"), List.of("Alex", "Bea", "kim")))
			.containsExactly("alex", "Bea", "Kim", "Sam");
		assertThat(SortedNames.of(List.of(), List.of("zoe", "Alex"))).containsExactly("Alex", "zoe");
		assertThat(SortedNames.of(List.of(), List.of())).isEmpty();
	}

	@Test
	void randomRoomsGiveWhatSortingBothTogetherGives() {
		Random random = new Random(14);
		for (int round = 0; round < 200; round++) {
			TreeSet<String> first = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
			TreeSet<String> second = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
			for (int k = random.nextInt(60); k > 0; k--) {
				first.add(name(random));
			}
			for (int k = random.nextInt(60); k > 0; k--) {
				second.add(name(random));
			}
			TreeSet<String> both = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
			both.addAll(first);
			both.addAll(second);

			assertThat(SortedNames.union(new ArrayList<>(first), new ArrayList<>(second)))
				.containsExactlyElementsOf(both);
		}
	}

	private static String name(Random random) {
		String letters = "aAbBkKsSzZ";
		StringBuilder name = new StringBuilder();
		for (int length = 1 + random.nextInt(3); length > 0; length--) {
			name.append(letters.charAt(random.nextInt(letters.length())));
		}
		return name.toString();
	}

}
