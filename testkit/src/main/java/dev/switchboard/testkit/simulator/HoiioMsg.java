package dev.switchboard.testkit.simulator;

import dev.switchboard.testkit.Observation;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A Hoiio {@code msg} parameter read as XML content: plain text, {@code <speech language gender>}
 * and {@code <url>} segments, played in order. Parsing checks everything the block pages list for
 * {@code msg}, answering the documented {@code error_msg_*} code.
 */
final class HoiioMsg {
  /** Most characters a {@code msg} may hold (the "500" in the error text is stale). */
  static final int MAX_LENGTH = 1000;

  static final String DEFAULT_LANGUAGE = "en-US";
  static final String DEFAULT_GENDER = "female";

  /**
   * The languages a {@code <speech>} element may name: those the block pages show. Their
   * Text-to-Speech list was never captured, so nothing else is taken on trust; without the
   * attribute the element speaks the default, English.
   */
  private static final Set<String> LANGUAGES = Set.of("zh-HK");

  private static final List<String> GENDERS = List.of("female", "male");
  private static final List<String> AUDIO = List.of(".mp3", ".wav", ".gsm");

  private HoiioMsg() {}

  /** No message: nothing is played. */
  static final List<Observation> NONE = List.of();

  /**
   * The observations a {@code msg} makes, segment by segment.
   *
   * @param msg the parameter, or null when absent
   * @throws HoiioRefusal with {@code error_msg_invalid_length}, {@code error_msg_invalid_xml},
   *     {@code error_msg_invalid_language}, {@code error_msg_invalid_gender}, {@code
   *     error_msg_invalid_url} or {@code error_msg_invalid_file_format}
   */
  static List<Observation> parse(String msg) {
    if (msg == null) {
      return NONE;
    }
    if (msg.codePointCount(0, msg.length()) > MAX_LENGTH) {
      throw new HoiioRefusal("error_msg_invalid_length");
    }
    Element root = document("<msg>" + msg + "</msg>").getDocumentElement();
    List<Observation> segments = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    NodeList children = root.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      switch (child.getNodeType()) {
        case Node.TEXT_NODE:
        case Node.CDATA_SECTION_NODE:
          text.append(child.getNodeValue());
          break;
        case Node.ELEMENT_NODE:
          flush(text, segments);
          Observation segment = segment((Element) child);
          if (segment != null) {
            segments.add(segment);
          }
          break;
        default:
          // Comments and processing instructions say nothing.
          break;
      }
    }
    flush(text, segments);
    return List.copyOf(segments);
  }

  /** Plain text between markup is spoken in the default voice; whitespace alone is not. */
  private static void flush(StringBuilder text, List<Observation> segments) {
    if (!text.toString().isBlank()) {
      segments.add(new Observation.Said(text.toString(), DEFAULT_LANGUAGE, DEFAULT_GENDER));
    }
    text.setLength(0);
  }

  /** One markup element's observation, or null for a {@code <speech>} with nothing to say. */
  private static Observation segment(Element element) {
    String content = textOnly(element);
    NamedNodeMap attributes = element.getAttributes();
    switch (element.getTagName()) {
      case "speech":
        for (int i = 0; i < attributes.getLength(); i++) {
          String name = attributes.item(i).getNodeName();
          if (!name.equals("language") && !name.equals("gender")) {
            throw new HoiioRefusal("error_msg_invalid_xml");
          }
        }
        String language =
            element.hasAttribute("language") ? element.getAttribute("language") : DEFAULT_LANGUAGE;
        if (element.hasAttribute("language") && !LANGUAGES.contains(language)) {
          throw new HoiioRefusal("error_msg_invalid_language");
        }
        String gender =
            element.hasAttribute("gender") ? element.getAttribute("gender") : DEFAULT_GENDER;
        if (!GENDERS.contains(gender)) {
          throw new HoiioRefusal("error_msg_invalid_gender");
        }
        return content.isBlank() ? null : new Observation.Said(content, language, gender);
      case "url":
        if (attributes.getLength() > 0) {
          throw new HoiioRefusal("error_msg_invalid_xml");
        }
        return new Observation.Played(audioUrl(content.strip()));
      default:
        throw new HoiioRefusal("error_msg_invalid_xml");
    }
  }

  /** The element's text; markup nested inside a segment is not valid. */
  private static String textOnly(Element element) {
    StringBuilder text = new StringBuilder();
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        throw new HoiioRefusal("error_msg_invalid_xml");
      }
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  /** An http(s) URL of an .mp3, .wav or .gsm file. */
  private static String audioUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new HoiioRefusal("error_msg_invalid_url");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getHost().isEmpty()) {
      throw new HoiioRefusal("error_msg_invalid_url");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
    if (AUDIO.stream().noneMatch(path::endsWith)) {
      throw new HoiioRefusal("error_msg_invalid_file_format");
    }
    return url;
  }

  private static Document document(String xml) {
    try {
      return SafeXml.parse(xml, true);
    } catch (SAXException | IOException e) {
      throw new HoiioRefusal("error_msg_invalid_xml");
    }
  }
}
