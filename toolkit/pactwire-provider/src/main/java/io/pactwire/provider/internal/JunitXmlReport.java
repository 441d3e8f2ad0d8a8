package io.pactwire.provider.internal;

/** Renders results as JUnit XML: one testcase per interaction, the mismatch as failure text. */
public final class JunitXmlReport {

  private JunitXmlReport() {}

  public static String render(Results.Provider results) {
    int tests = 0;
    int failures = 0;
    for (Results.Pact pact : results.pacts()) {
      tests += pact.interactions().size();
      failures += (int) pact.interactions().stream().filter(i -> !i.success()).count();
    }
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuites name=\"pact verification\" tests=\"")
        .append(tests)
        .append("\" failures=\"")
        .append(failures)
        .append("\">\n");
    for (Results.Pact pact : results.pacts()) {
      long failed = pact.interactions().stream().filter(i -> !i.success()).count();
      xml.append("  <testsuite name=\"")
          .append(attr(pact.consumer() + " -> " + results.provider()))
          .append("\" tests=\"")
          .append(pact.interactions().size())
          .append("\" failures=\"")
          .append(failed)
          .append("\" errors=\"0\" skipped=\"0\" timestamp=\"")
          .append(attr(pact.verifiedAt()))
          .append("\">\n");
      xml.append("    <properties>\n");
      property(xml, "provider", results.provider());
      property(xml, "provider.version", results.providerVersion());
      property(xml, "provider.branch", results.branch());
      property(xml, "consumer", pact.consumer());
      property(xml, "pact.file", pact.pactFile());
      property(xml, "pact.sha256", pact.pactSha256());
      xml.append("    </properties>\n");
      for (Results.Interaction interaction : pact.interactions()) {
        xml.append("    <testcase classname=\"")
            .append(attr(pact.consumer() + " -> " + results.provider()))
            .append("\" name=\"")
            .append(attr(interaction.description()))
            .append('"');
        if (interaction.success()) {
          xml.append("/>\n");
          continue;
        }
        String first =
            interaction.differences().isEmpty()
                ? firstLine(interaction.message())
                : interaction.differences().size()
                    + " difference(s): "
                    + interaction.differences().get(0).mismatch();
        xml.append(">\n      <failure message=\"")
            .append(attr(first))
            .append("\" type=\"pact verification\">")
            .append(text(interaction.message()))
            .append("</failure>\n    </testcase>\n");
      }
      xml.append("  </testsuite>\n");
    }
    return xml.append("</testsuites>\n").toString();
  }

  private static void property(StringBuilder xml, String name, String value) {
    xml.append("      <property name=\"")
        .append(attr(name))
        .append("\" value=\"")
        .append(attr(value == null ? "" : value))
        .append("\"/>\n");
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                  // XML 1.0 cannot carry most control characters, even escaped
                  if (c == '\n'
                      || c == '\t'
                      || c == '\r'
                      || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
                    out.appendCodePoint(c);
                  } else {
                    out.append("\\u").append(String.format("%04x", c));
                  }
                }
              }
            });
    return out.toString();
  }

  static String attr(String value) {
    return text(value)
        .replace("\"", "&quot;")
        .replace("\n", "&#10;")
        .replace("\t", "&#9;")
        .replace("\r", "&#13;");
  }
}
