package io.livechat.web;

import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * An axe-core audit of what a browser shows now: the WCAG 2.0 and 2.1 A and AA rules and axe's
 * best practices. Runs the axe script bundled in its jar (nothing is downloaded).
 */
final class Audit {

	private static final List<String> RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	private Audit() {
	}

	/** Every violation, one line per element: "rule (what it asks): element - how it fails". */
	static List<String> violations(Browser browser) {
		Results results = new AxeBuilder().withTags(RULES).analyze(browser.driver());
		if (results.isErrored()) {
			throw new IllegalStateException("axe could not audit the page: " + results.getErrorMessage());
		}
		return results.getViolations()
			.stream()
			.flatMap((rule) -> rule.getNodes()
				.stream()
				.map((node) -> rule.getId() + " (" + rule.getHelp() + "): " + node.getTarget() + " - "
						+ node.getFailureSummary()))
			.toList();
	}

}
