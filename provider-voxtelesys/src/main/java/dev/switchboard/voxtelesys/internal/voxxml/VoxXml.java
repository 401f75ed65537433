package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringReader;
import java.io.StringWriter;

/** Writes and reads VoxXML documents. The JAXB context is built once per process. */
public final class VoxXml {
  private static final JAXBContext CONTEXT = context();

  private VoxXml() {}

  private static JAXBContext context() {
    try {
      return JAXBContext.newInstance(VoxResponse.class);
    } catch (JAXBException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The document as text, without an XML declaration, as the vendor's examples are written. */
  public static String write(VoxResponse response) {
    return write(response, false);
  }

  /** The document indented, for people to read. */
  public static String writeIndented(VoxResponse response) {
    return write(response, true);
  }

  private static String write(VoxResponse response, boolean indented) {
    try {
      Marshaller marshaller = CONTEXT.createMarshaller();
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
      return (VoxResponse) CONTEXT.createUnmarshaller().unmarshal(new StringReader(xml));
    } catch (JAXBException e) {
      throw new IllegalArgumentException("not a VoxXML document: " + e.getMessage(), e);
    }
  }
}
