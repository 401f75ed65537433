package dev.switchboard.testkit.simulator;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses the XML an application sends a simulator (VoxXML, Hoiio markup) the way a server must
 * treat untrusted XML: no DTDs, no external entities or includes, and every problem an exception
 * rather than a line on standard error. What the document means stays each simulator's reading.
 */
final class SafeXml {
  private SafeXml() {}

  /**
   * The document {@code xml} holds.
   *
   * @param coalescing whether CDATA sections join the text around them
   * @throws SAXException when {@code xml} is not well-formed
   */
  static Document parse(String xml, boolean coalescing) throws SAXException, IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setCoalescing(coalescing);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(FAIL_ON_ERRORS);
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
    }
  }

  /** Fails on every error instead of printing it; warnings do not make a document invalid. */
  private static final ErrorHandler FAIL_ON_ERRORS =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };
}
