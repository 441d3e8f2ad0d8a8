package io.pactwire.core.internal;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

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
   * An XML body's elements (with text only) and attributes named as credentials redacted; null when
   * none is, or when the body is not XML this parser reads (no DTD is read, no entity resolved).
   */
  public static Redacted xml(String body, Predicate<String> secret) {
    return xml(body, secret, Secrets.REDACTED);
  }

  private static Redacted xml(String body, Predicate<String> secret, String placeholder) {
    Document document;
    try {
      document = builder().parse(new InputSource(new StringReader(body)));
    } catch (Exception e) {
      return null;
    }
    List<String> paths = new ArrayList<>();
    Set<String> values = new TreeSet<>();
    Element root = document.getDocumentElement();
    redactIn(root, "$." + name(root), secret, placeholder, paths, values);
    if (paths.isEmpty()) {
      return null;
    }
    try {
      Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
      boolean declared = body.stripLeading().startsWith("<?xml");
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, declared ? "no" : "yes");
      if (declared) {
        document.setXmlStandalone(true);
      }
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return new Redacted(out.toString(), paths, values);
    } catch (Exception e) {
      return null;
    }
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
      String name = name(attribute);
      if (secret.test(name) && !attribute.getNodeValue().isEmpty()) {
        Secrets.add(values, attribute.getNodeValue());
        attribute.setNodeValue(placeholder);
        add(paths, path + "['@" + name + "']");
      }
    }
    boolean textOnly = true;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        textOnly = false;
        redactIn((Element) child, path + "." + name(child), secret, placeholder, paths, values);
      }
    }
    String text = element.getTextContent();
    if (textOnly && secret.test(name(element)) && !text.isBlank()) {
      Secrets.add(values, text.strip());
      element.setTextContent(placeholder);
      add(paths, path + "['#text']");
    }
  }

  private static void add(List<String> paths, String path) {
    if (!paths.contains(path)) {
      paths.add(path);
    }
  }

  // the name pact-jvm's XML matcher gives a node: its local name without a prefix
  private static String name(Node node) {
    String local = node.getLocalName();
    return local != null ? local : node.getNodeName();
  }

  private static DocumentBuilder builder() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    // a body that is not XML is no error to print: the parser's default handler prints one
    builder.setErrorHandler(new DefaultHandler());
    return builder;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
