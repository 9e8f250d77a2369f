package io.sitechrome.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;

/** axe-core (bundled in the axe-core Selenium jar) against WCAG 2.0, 2.1 and 2.2, levels A and AA. */
final class Axe {

    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Axe() {
    }

    /** Runs axe on the whole page as it is now and fails with every violation, listed, if there is one. */
    static Results assertNoViolations(Browser browser, String state) {
        Results results = browser.withScriptsForAnAudit(() -> new AxeBuilder().withOptions(options()).analyze(browser.driver));
        if (results.isErrored()) fail("axe-core could not run on " + state + ": " + results.getErrorMessage());
        assertTrue(results.getPasses().size() > 10, "axe-core checked too little on " + state + ": "
                + results.getPasses().size() + " rules passed");
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) fail(report(state, violations));
        return results;
    }

    /**
     * Only the rules tagged for WCAG 2.0/2.1/2.2 A and AA, all of them. Full node lists for
     * violations only: the other result types keep one example node each, which is what makes
     * a run on this 250-link page take about a second instead of three.
     */
    static AxeRunOptions options() {
        AxeRunOnlyOptions runOnly = new AxeRunOnlyOptions();
        runOnly.setType("tag");
        runOnly.setValues(WCAG_22_AA);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(runOnly);
        options.setResultTypes(List.of("violations"));
        return options;
    }

    static String report(String state, List<Rule> violations) {
        StringBuilder text = new StringBuilder()
                .append(violations.size()).append(" axe-core violation(s) of WCAG 2.2 AA on ").append(state).append(':');
        for (Rule rule : violations) {
            text.append("\n- ").append(rule.getId()).append(" [").append(rule.getImpact()).append("] ")
                    .append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(')');
            for (CheckedNode node : rule.getNodes()) {
                text.append("\n    at ").append(node.getTarget());
                String html = node.getHtml();
                if (html != null) text.append("\n       ").append(html.length() > 200 ? html.substring(0, 200) + "…" : html);
                String summary = node.getFailureSummary();
                if (summary != null) text.append("\n       ").append(summary.replace("\n", "\n       "));
            }
        }
        return text.toString();
    }
}
