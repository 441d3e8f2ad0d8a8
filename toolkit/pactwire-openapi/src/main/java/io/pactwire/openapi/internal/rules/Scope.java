package io.pactwire.openapi.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.Finding.MockDetails;
import io.pactwire.openapi.Finding.SpecDetails;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Findings.Matched;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a rule's findings point: the interaction, where the rules are written ({@code where}, which
 * gives the code; null for the path), and the prepared schema with the location of its root in the
 * spec.
 */
record Scope(
    String description, String state, Matched where, ObjectNode prepared, String location) {

  /** Builds the finding of one kind on a value a rule admits: what the matcher admits and why. */
  interface Admits {
    Findings.Draft draft(String witness, String keyword, JsonNode schemaValue);
  }

  /** Checks one rule, adding its findings; says whether it weighed the matcher at all. */
  interface RuleCheck {
    boolean check(Rule rule, List<Finding> found);
  }

  /** The finding at the rule in the pact and at {@code keyword} of {@code field} in the spec. */
  Finding at(Findings.Draft draft, Located field, Rule rule, String keyword) {
    List<String> specPath = new ArrayList<>(field.path());
    specPath.add(keyword);
    return draft.at(
        new MockDetails(description, state, rule.location(), rule.matcher()),
        new SpecDetails(
            location + "." + String.join(".", specPath), null, null, field.schema().get(keyword)));
  }

  /**
   * Runs {@code check} on each rule, adding its findings to {@code out} in rule order. Matchers
   * combined with AND all hold for one value, so together they admit only what each of them admits:
   * when one that this check evaluates admits nothing the spec forbids, the findings of the others
   * in its list are dropped. (Matchers combined with OR each admit values of their own, so each
   * one's findings stand.)
   */
  static void combined(List<Rule> rules, List<Finding> out, RuleCheck check) {
    List<List<Finding>> found = new ArrayList<>();
    Set<String> safe = new HashSet<>();
    for (Rule rule : rules) {
      List<Finding> own = new ArrayList<>();
      boolean weighed = check.check(rule, own);
      found.add(own);
      // only a matcher the check weighed can show the combination safe
      if (rule.and() && weighed && own.isEmpty()) {
        safe.add(rule.group());
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      if (!(rules.get(i).and() && safe.contains(rules.get(i).group()))) {
        out.addAll(found.get(i));
      }
    }
  }
}
