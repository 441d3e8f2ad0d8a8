package io.pactwire.core.internal.report;

import io.pactwire.core.internal.JunitXml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders results as JUnit XML: one testcase per interaction, the mismatch as failure text. */
public final class JunitXmlReport {

  private JunitXmlReport() {}

  public static String render(VerificationRun results) {
    List<JunitXml.Suite> suites = new ArrayList<>();
    for (PactResult pact : results.pacts()) {
      String suite = pact.consumer() + " -> " + results.provider();
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("provider", results.provider());
      properties.put("provider.version", results.providerVersion());
      properties.put("provider.branch", results.branch());
      properties.put("consumer", pact.consumer());
      properties.put("pact.file", pact.pactFile());
      properties.put("pact.sha256", pact.pactSha256());
      List<JunitXml.Case> cases = new ArrayList<>();
      for (InteractionResult interaction : pact.interactions()) {
        if (interaction.success()) {
          cases.add(JunitXml.Case.passed(suite, interaction.description()));
          continue;
        }
        String first =
            interaction.differences().isEmpty()
                ? firstLine(interaction.message())
                : interaction.differences().size()
                    + " difference(s): "
                    + interaction.differences().get(0).mismatch();
        // a pending interaction's failure fails no build: skipped, saying why
        cases.add(
            new JunitXml.Case(
                suite,
                interaction.description(),
                null,
                interaction.pendingFailure()
                    ? new JunitXml.Skipped("pending, failed: " + first)
                    : new JunitXml.Failed(first, "pact verification", interaction.message()),
                interaction.pendingFailure() ? interaction.message() : null));
      }
      suites.add(new JunitXml.Suite(suite, pact.verifiedAt(), properties, cases));
    }
    return JunitXml.suites("pact verification", suites);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
