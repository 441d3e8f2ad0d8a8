package io.pactwire.core.internal;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes JUnit XML reports (the format CI servers read) with the JDK's {@link XMLStreamWriter}, so
 * that every name and message is escaped the same way, whatever report it is in.
 *
 * <p>XML 1.0 cannot hold most control characters, not even as character references: U+0000 to
 * U+001F other than tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates are
 * written as the visible text {@code \u0000} (a backslash, {@code u} and four hex digits), so a
 * reader sees where they were and the file stays well-formed. Everything else, emoji included, is
 * written as it is. XML readers turn line breaks and tabs inside attribute values into spaces (the
 * standard's attribute-value normalisation); multi-line text belongs in a failure's text.
 */
public final class JunitXml {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private JunitXml() {}

  /** One {@code <testsuite>}: its test cases and, optionally, a timestamp and properties. */
  public record Suite(
      String name, String timestamp, Map<String, String> properties, List<Case> cases) {

    public Suite {
      properties = properties == null ? Map.of() : properties;
      cases = List.copyOf(cases);
    }

    long failures() {
      return cases.stream().filter(c -> c.result() instanceof Failed).count();
    }

    long skipped() {
      return cases.stream().filter(c -> c.result() instanceof Skipped).count();
    }
  }

  /**
   * One {@code <testcase>}.
   *
   * @param time how long it took; no {@code time} attribute when null
   * @param systemOut text for {@code <system-out>}; none when null
   */
  public record Case(
      String classname, String name, Duration time, Result result, String systemOut) {

    public static Case passed(String classname, String name) {
      return new Case(classname, name, null, new Passed(), null);
    }
  }

  /** How a test case ended. */
  public sealed interface Result permits Passed, Failed, Skipped {}

  /** The test case passed. */
  public record Passed() implements Result {}

  /**
   * The test case failed.
   *
   * @param message one line, the {@code message} attribute
   * @param type the {@code type} attribute
   * @param text the full failure text, the element's content
   */
  public record Failed(String message, String type, String text) implements Result {}

  /** The test case did not run. */
  public record Skipped(String message) implements Result {}

  /** Renders suites under one {@code <testsuites>} root. */
  public static String suites(String name, List<Suite> suites) {
    return write(
        xml -> {
          xml.writeStartElement("testsuites");
          xml.writeAttribute("name", clean(name));
          counts(
              xml,
              suites.stream().mapToLong(s -> s.cases().size()).sum(),
              suites.stream().mapToLong(Suite::failures).sum(),
              suites.stream().mapToLong(Suite::skipped).sum());
          for (Suite suite : suites) {
            xml.writeCharacters("\n  ");
            suite(xml, suite, "  ");
          }
          xml.writeCharacters("\n");
          xml.writeEndElement();
        });
  }

  /** Renders one suite as the document's root. */
  public static String suite(Suite suite) {
    return write(xml -> suite(xml, suite, ""));
  }

  private interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return out.append('\n').toString();
  }

  private static void counts(XMLStreamWriter xml, long tests, long failures, long skipped)
      throws XMLStreamException {
    xml.writeAttribute("tests", Long.toString(tests));
    xml.writeAttribute("failures", Long.toString(failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", Long.toString(skipped));
  }

  private static void suite(XMLStreamWriter xml, Suite suite, String indent)
      throws XMLStreamException {
    String inner = indent + "  ";
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", clean(suite.name()));
    counts(xml, suite.cases().size(), suite.failures(), suite.skipped());
    if (suite.timestamp() != null) {
      xml.writeAttribute("timestamp", clean(suite.timestamp()));
    }
    if (!suite.properties().isEmpty()) {
      xml.writeCharacters("\n" + inner);
      xml.writeStartElement("properties");
      for (Map.Entry<String, String> property : suite.properties().entrySet()) {
        xml.writeCharacters("\n" + inner + "  ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", clean(property.getKey()));
        xml.writeAttribute("value", clean(property.getValue() == null ? "" : property.getValue()));
      }
      xml.writeCharacters("\n" + inner);
      xml.writeEndElement();
    }
    for (Case c : suite.cases()) {
      xml.writeCharacters("\n" + inner);
      testcase(xml, c, inner);
    }
    xml.writeCharacters("\n" + indent);
    xml.writeEndElement();
  }

  private static void testcase(XMLStreamWriter xml, Case c, String indent)
      throws XMLStreamException {
    boolean empty = c.result() instanceof Passed && c.systemOut() == null;
    if (empty) {
      xml.writeEmptyElement("testcase");
    } else {
      xml.writeStartElement("testcase");
    }
    xml.writeAttribute("classname", clean(c.classname()));
    xml.writeAttribute("name", clean(c.name()));
    if (c.time() != null) {
      xml.writeAttribute(
          "time", String.format(Locale.ROOT, "%.3f", c.time().toNanos() / 1_000_000_000.0));
    }
    if (empty) {
      return;
    }
    String inner = indent + "  ";
    if (c.result() instanceof Failed failed) {
      xml.writeCharacters("\n" + inner);
      xml.writeStartElement("failure");
      xml.writeAttribute("message", clean(failed.message()));
      xml.writeAttribute("type", clean(failed.type()));
      xml.writeCharacters(clean(failed.text()));
      xml.writeEndElement();
    } else if (c.result() instanceof Skipped skipped) {
      xml.writeCharacters("\n" + inner);
      xml.writeEmptyElement("skipped");
      if (skipped.message() != null) {
        xml.writeAttribute("message", clean(skipped.message()));
      }
    }
    if (c.systemOut() != null) {
      xml.writeCharacters("\n" + inner);
      xml.writeStartElement("system-out");
      xml.writeCharacters(clean(c.systemOut()));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n" + indent);
    xml.writeEndElement();
  }

  /** Replaces what XML 1.0 cannot hold with visible {@code \}{@code uXXXX} text. */
  static String clean(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = null;
    for (int k = 0; k < value.length(); k++) {
      char c = value.charAt(k);
      boolean allowed;
      if (Character.isHighSurrogate(c)) {
        allowed = k + 1 < value.length() && Character.isLowSurrogate(value.charAt(k + 1));
        if (allowed) {
          if (out != null) {
            out.append(c).append(value.charAt(k + 1));
          }
          k++;
          continue;
        }
      } else {
        allowed =
            c == '\t'
                || c == '\n'
                || c == '\r'
                || (c >= 0x20 && c < 0xD800)
                || (c > 0xDFFF && c < 0xFFFE);
      }
      if (allowed && out == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(value.length() + 16).append(value, 0, k);
      }
      if (allowed) {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out == null ? value : out.toString();
  }
}
