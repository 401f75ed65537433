package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringReader;
import java.io.StringWriter;

/**
 * Writes and reads VoxXML documents. Documents are written by {@link VoxXmlWriter}, which a test
 * holds to JAXB's output; JAXB reads them, indents them for people, and defines them. Its context
 * is built once per process, on first need, since building it takes most of a cold start.
 */
public final class VoxXml {
  private VoxXml() {}

  /** Built when the class is first used, once. */
  private static final class Context {
    static final JAXBContext INSTANCE = create();

    private static JAXBContext create() {
      try {
        return JAXBContext.newInstance(VoxResponse.class);
      } catch (JAXBException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  /** The document as text, without an XML declaration, as the vendor's examples are written. */
  public static String write(VoxResponse response) {
    return VoxXmlWriter.write(response);
  }

  /** The document as JAXB writes it: what {@link #write} must equal, byte for byte. */
  public static String marshal(VoxResponse response) {
    return write(response, false);
  }

  /** The document indented, for people to read. */
  public static String writeIndented(VoxResponse response) {
    return write(response, true);
  }

  private static String write(VoxResponse response, boolean indented) {
    try {
      Marshaller marshaller = Context.INSTANCE.createMarshaller();
      marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
      marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, indented);
      StringWriter out = new StringWriter();
      marshaller.marshal(response, out);
      return out.toString();
    } catch (JAXBException e) {
      throw new IllegalStateException("could not write VoxXML", e);
    }
  }

  /** Reads a document, e.g. to check what was sent. */
  public static VoxResponse read(String xml) {
    try {
      return (VoxResponse) Context.INSTANCE.createUnmarshaller().unmarshal(new StringReader(xml));
    } catch (JAXBException e) {
      throw new IllegalArgumentException("not a VoxXML document: " + e.getMessage(), e);
    }
  }
}
