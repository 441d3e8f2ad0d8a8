package io.pactwire.core.internal;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one way Pactwire parses XML it is given (bodies of pacts and of providers' answers): with
 * namespaces, reading no DTD and resolving no entity, so that a body cannot make it read files or
 * expand entities without end.
 */
public final class Xml {

  private Xml() {}

  /**
   * The document {@code text} holds.
   *
   * @throws SAXException when it is not XML this parser reads (a DOCTYPE is refused)
   */
  public static Document parse(String text) throws SAXException, IOException {
    DocumentBuilder builder;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      builder = factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
    }
    // a body that is not XML is no error to print: the parser's default handler prints one
    builder.setErrorHandler(new DefaultHandler());
    return builder.parse(new InputSource(new StringReader(text)));
  }
}
