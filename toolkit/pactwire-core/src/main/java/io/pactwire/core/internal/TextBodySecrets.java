package io.pactwire.core.internal;

import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Credentials in the bodies that are not JSON, by the names of their fields: a form's fields
 * ({@code client_secret=…}, as an OAuth token request sends) and an XML body's elements and
 * attributes ({@code <password>…</password>}, as a SOAP login sends). Each is replaced by {@link
 * Secrets#REDACTED}, and the path of each is given in pact-jvm's notation for a matching rule
 * ({@code $.client_secret} for a form field, {@code $.login.password['#text']} for an element's
 * text, {@code $.login['@token']} for an attribute), so that a contract can say any value matches.
 */
public final class TextBodySecrets {

  /**
   * A body with its credentials redacted.
   *
   * @param body the body, each credential replaced by {@link Secrets#REDACTED}
   * @param paths where each was, in pact-jvm's notation for a body's matching rule
   * @param values the values taken out, to be kept out of anything else written
   */
  public record Redacted(String body, List<String> paths, Set<String> values) {}

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");
  // an element that holds text only, and an attribute, in XML the parser does not read
  private static final Pattern ELEMENT =
      Pattern.compile("<((?:[\\w.-]+:)?([\\w.-]+))(\\s[^<>]*)?>([^<]*)</\\1\\s*>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("(\\s(?:[\\w.-]+:)?([\\w.-]+)\\s*=\\s*)(\"[^\"]*\"|'[^']*')");

  private TextBodySecrets() {}

  /**
   * {@code body} with its credentials redacted when its content type says it is a form or XML and a
   * field of it is named as a credential; null when it is neither or names none.
   */
  public static Redacted redact(String body, String contentType, Predicate<String> secret) {
    return redact(body, contentType, secret, Secrets.REDACTED);
  }

  /**
   * As {@link #redact(String, String, Predicate)}, each credential replaced by {@code placeholder}
   * (WireMock's {@code ${xmlunit.ignore}}, for a stub that matches any value there).
   */
  public static Redacted redact(
      String body, String contentType, Predicate<String> secret, String placeholder) {
    if (body == null || body.isEmpty() || contentType == null) {
      return null;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    if (type.contains("x-www-form-urlencoded")) {
      return form(body, secret, placeholder);
    }
    if (type.contains("xml")) {
      return xml(body, secret, placeholder);
    }
    return null;
  }

  /** A form body's fields named as credentials redacted; null when none is. */
  public static Redacted form(String body, Predicate<String> secret) {
    return form(body, secret, Secrets.REDACTED);
  }

  private static Redacted form(String body, Predicate<String> secret, String placeholder) {
    List<String> out = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    Set<String> values = new TreeSet<>();
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? null : decode(pair.substring(0, eq));
      if (name == null || !secret.test(name) || eq == pair.length() - 1) {
        out.add(pair);
        continue;
      }
      Secrets.add(values, pair.substring(eq + 1));
      Secrets.add(values, decode(pair.substring(eq + 1)));
      out.add(pair.substring(0, eq + 1) + placeholder);
      String path = JsonPath.child("$", name);
      if (!paths.contains(path)) {
        paths.add(path);
      }
    }
    return paths.isEmpty() ? null : new Redacted(String.join("&", out), paths, values);
  }

  /**
   * An XML body's elements and attributes named as credentials redacted (by their local names:
   * {@code wsse:Password} is one); null when none is. No DTD is read and no entity resolved; a body
   * this parser does not read has its credentials redacted where its text shows them.
   */
  public static Redacted xml(String body, Predicate<String> secret) {
    return xml(body, secret, Secrets.REDACTED);
  }

  private static Redacted xml(String body, Predicate<String> secret, String placeholder) {
    // a byte-order mark or blank lines before the declaration are no reason to keep a secret
    String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
    text = text.stripLeading();
    Document document;
    try {
      document = Xml.parse(text);
    } catch (Exception e) {
      return unparsed(body, secret, placeholder);
    }
    List<String> paths = new ArrayList<>();
    Set<String> values = new TreeSet<>();
    Element root = document.getDocumentElement();
    redactIn(root, "$" + step(root.getNodeName()), secret, placeholder, paths, values);
    if (paths.isEmpty()) {
      return null;
    }
    try {
      Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
      boolean declared = text.startsWith("<?xml");
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, declared ? "no" : "yes");
      if (declared) {
        document.setXmlStandalone(true);
      }
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return new Redacted(out.toString(), paths, values);
    } catch (Exception e) {
      return unparsed(body, secret, placeholder);
    }
  }

  /**
   * A body typed as XML that this parser does not read (a DOCTYPE, which it refuses to read, or XML
   * that is not well formed): each element of a credential's name that holds text, and each such
   * attribute, is redacted where the text shows them, with no rule (no path is known). A secret is
   * never kept because the body could not be parsed.
   */
  private static Redacted unparsed(String body, Predicate<String> secret, String placeholder) {
    String shown = placeholder.equals(Secrets.REDACTED) ? "&lt;redacted&gt;" : placeholder;
    Set<String> values = new TreeSet<>();
    boolean redacted = false;
    StringBuilder out = new StringBuilder();
    Matcher element = ELEMENT.matcher(body);
    while (element.find()) {
      boolean redact = secret.test(element.group(2)) && !element.group(4).isBlank();
      if (redact) {
        Secrets.add(values, element.group(4).strip());
        redacted = true;
      }
      element.appendReplacement(
          out,
          Matcher.quoteReplacement(
              redact
                  ? element.group().substring(0, element.start(4) - element.start())
                      + shown
                      + element.group().substring(element.end(4) - element.start())
                  : element.group()));
    }
    element.appendTail(out);
    Matcher attribute = ATTRIBUTE.matcher(out.toString());
    StringBuilder all = new StringBuilder();
    while (attribute.find()) {
      String value = attribute.group(3);
      boolean redact =
          !attribute.group(1).strip().startsWith("xmlns")
              && secret.test(attribute.group(2))
              && value.length() > 2;
      if (redact) {
        Secrets.add(values, value.substring(1, value.length() - 1));
        redacted = true;
      }
      attribute.appendReplacement(
          all,
          Matcher.quoteReplacement(
              redact
                  ? attribute.group(1) + value.charAt(0) + shown + value.charAt(0)
                  : attribute.group()));
    }
    attribute.appendTail(all);
    return redacted ? new Redacted(all.toString(), List.of(), values) : null;
  }

  private static void redactIn(
      Element element,
      String path,
      Predicate<String> secret,
      String placeholder,
      List<String> paths,
      Set<String> values) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
        continue; // a namespace declaration (xmlns:token="urn:...") names no credential
      }
      if (secret.test(local(attribute)) && !attribute.getNodeValue().isEmpty()) {
        Secrets.add(values, attribute.getNodeValue());
        attribute.setNodeValue(placeholder);
        add(paths, path + "['@" + attribute.getNodeName() + "']");
      }
    }
    boolean secretElement = secret.test(local(element));
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        redactIn(
            (Element) child, path + step(child.getNodeName()), secret, placeholder, paths, values);
      } else if (secretElement
          && (child.getNodeType() == Node.TEXT_NODE
              || child.getNodeType() == Node.CDATA_SECTION_NODE)
          && !child.getNodeValue().isBlank()) {
        // each text of the element, of mixed content too
        Secrets.add(values, child.getNodeValue().strip());
        child.setNodeValue(placeholder);
        add(paths, path + "['#text']");
      }
    }
  }

  private static void add(List<String> paths, String path) {
    if (!paths.contains(path)) {
      paths.add(path);
    }
  }

  // a step of pact-jvm's path to a node: its name as the document writes it, prefix and all
  // (soap:Body), in brackets where it is more than letters, digits, '_' and '-'
  private static String step(String name) {
    return PLAIN.matcher(name).matches() ? "." + name : "['" + name + "']";
  }

  // the name a credential is known by: wsse:Password is a password
  private static String local(Node node) {
    String local = node.getLocalName();
    return local != null ? local : node.getNodeName();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
