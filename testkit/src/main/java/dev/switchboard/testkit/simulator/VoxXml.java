package dev.switchboard.testkit.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads VoxXML as the Voxtelesys v1 document describes it and checks it the way the API does when a
 * call, conference or participant is created or modified: the root must be {@code <Response>} (else
 * 5105); the document must be well-formed, use only the documented verbs that the resource
 * supports, only their documented attributes, and only values their "Accepts" columns allow (else
 * 5106).
 */
final class VoxXml {
  private VoxXml() {}

  /** What a document is executed for: each verb lists the resources it supports. */
  enum Resource {
    CALL("calls"),
    CONFERENCE("conferences"),
    PARTICIPANT("participants");

    private final String plural;

    Resource(String plural) {
      this.plural = plural;
    }
  }

  /** 5105: the root element {@code Response} is missing. */
  static final int NO_RESPONSE_ROOT = 5105;

  /** 5106: bad syntax. */
  static final int BAD_SYNTAX = 5106;

  /** A document the API refuses, with the vendor's call error code. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    Invalid(int code, String description) {
      super(description, null, false, false);
      this.code = code;
    }

    int code() {
      return code;
    }
  }

  /**
   * One checked verb.
   *
   * @param name the element name, e.g. {@code Say}
   * @param attributes the attributes as written
   * @param text the text content (trimmed, except Say's); empty for verbs that hold verbs
   * @param children nested verbs (Gather prompts, If body, Dial numbers or conference)
   */
  record Verb(String name, Map<String, String> attributes, String text, List<Verb> children) {
    Verb {
      attributes = Map.copyOf(attributes);
      children = List.copyOf(children);
    }

    String attribute(String attribute, String fallback) {
      return attributes.getOrDefault(attribute, fallback);
    }

    /** An integer attribute; its value was checked when the document was read. */
    int integer(String attribute, int fallback) {
      String value = attributes.get(attribute);
      return value == null ? fallback : Integer.parseInt(value);
    }

    boolean flag(String attribute, boolean fallback) {
      String value = attributes.get(attribute);
      return value == null ? fallback : Boolean.parseBoolean(value);
    }
  }

  /** A voice of the Amazon Polly standard set that the readings document lists. */
  record Voice(String name, String language, String gender) {}

  /** The default voice of {@code Say}. */
  static final String DEFAULT_VOICE = "Joanna";

  /** The voices of the readings document's table, by name. */
  static final Map<String, Voice> VOICES = voices();

  private static Map<String, Voice> voices() {
    String[][] table = {
      {"en-US", "Joanna", "Matthew"},
      {"en-GB", "Amy", "Brian"},
      {"en-AU", "Nicole", "Russell"},
      {"en-IN", "Aditi", null},
      {"es-US", "Penelope", "Miguel"},
      {"es-ES", "Conchita", "Enrique"},
      {"es-MX", "Mia", null},
      {"fr-FR", "Celine", "Mathieu"},
      {"fr-CA", "Chantal", null},
      {"de-DE", "Marlene", "Hans"},
      {"it-IT", "Carla", "Giorgio"},
      {"pt-BR", "Vitoria", "Ricardo"},
      {"ja-JP", "Mizuki", "Takumi"},
      {"ko-KR", "Seoyeon", null},
      {"nl-NL", "Lotte", "Ruben"},
    };
    Map<String, Voice> voices = new LinkedHashMap<>();
    for (String[] row : table) {
      voices.put(row[1], new Voice(row[1], row[0], "female"));
      if (row[2] != null) {
        voices.put(row[2], new Voice(row[2], row[0], "male"));
      }
    }
    return Map.copyOf(voices);
  }

  /** The language a Gather listens in without a {@code language} attribute. */
  static final String DEFAULT_GATHER_LANGUAGE = "en-US";

  /** The languages a Gather's {@code language} accepts, as the document lists them. */
  static final List<String> GATHER_LANGUAGES =
      List.of(
          "en-US", "en-GB", "es-US", "fr-CA", "fr-FR", "en-AU", "it-IT", "de-DE", "pt-BR", "ja-JP",
          "ko-KR", "zh-CN");

  /** How long a Gather waits for silence in speech without a {@code speechTimeout} attribute. */
  static final int DEFAULT_SPEECH_TIMEOUT = 30;

  /** Gather time-outs above this many seconds are set to it, as the document says. */
  static final int MAX_GATHER_TIMEOUT = 60;

  /** Callback keywords of Gather. */
  static final Set<String> GATHER_EVENTS = Set.of("partialResult", "fullResult");

  /** Callback keywords of Number and Dial. */
  static final Set<String> NUMBER_EVENTS =
      Set.of("queued", "ringing", "answered", "complete", "noConnect");

  /** Callback keywords of Conference. */
  static final Set<String> CONFERENCE_EVENTS =
      Set.of("start", "end", "join", "leave", "dtmf", "mute", "unmute", "muteAll", "unmuteAll");

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
  private static final Pattern E164_DIGITS = Pattern.compile("[1-9][0-9]{0,14}");
  private static final Pattern LOWER_ALNUM = Pattern.compile("[a-z0-9]*");
  private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}-[A-Z]{2}");
  private static final Pattern IF_VALUE = Pattern.compile("[0-9a-z]+(\\|[0-9a-z]+)*");
  private static final Pattern FINISH_KEYS = Pattern.compile("[0-9#*]*");

  /** What a verb holds between its tags. */
  private enum Content {
    NONE,
    TEXT,
    VERBS,
    PROMPTS,
    DIAL
  }

  /** A documented attribute: a description of what it accepts and the check. */
  private record Attribute(String accepts, Predicate<String> check) {}

  private record Spec(
      Set<Resource> resources,
      Content content,
      Map<String, Attribute> attributes,
      Set<String> required) {}

  private static final Map<String, Spec> SPECS = specs();

  private static Map<String, Spec> specs() {
    Set<Resource> all = EnumSet.allOf(Resource.class);
    Set<Resource> calls = EnumSet.of(Resource.CALL);
    Set<Resource> conferences = EnumSet.of(Resource.CONFERENCE, Resource.PARTICIPANT);
    Attribute bool = new Attribute("true or false", v -> v.equals("true") || v.equals("false"));
    Attribute loop = new Attribute("an integer >= 0", DIGITS.asMatchPredicate());
    Attribute delay = range(0, 60);
    Attribute url = new Attribute("an http or https URL", v -> v.isEmpty() || isHttpUrl(v));
    Attribute method = new Attribute("GET or POST", v -> v.equals("GET") || v.equals("POST"));
    Attribute callerId = new Attribute("a-z and 0-9", LOWER_ALNUM.asMatchPredicate());
    Map<String, Spec> specs = new LinkedHashMap<>();
    specs.put(
        "Say",
        new Spec(
            all,
            Content.TEXT,
            Map.of(
                "loop", loop,
                "repeatDelay", delay,
                "voice", new Attribute("a voice of the voice table", VOICES::containsKey),
                "language", new Attribute("a language code", LANGUAGE.asMatchPredicate()),
                "separateNumbers", bool),
            Set.of()));
    specs.put(
        "Play", new Spec(all, Content.TEXT, Map.of("loop", loop, "repeatDelay", delay), Set.of()));
    specs.put("Pause", new Spec(all, Content.NONE, Map.of("length", range(1, 60)), Set.of()));
    specs.put(
        "Gather",
        new Spec(
            calls,
            Content.PROMPTS,
            Map.ofEntries(
                Map.entry("repeatDelay", delay),
                Map.entry("timeout", new Attribute("an integer", DIGITS.asMatchPredicate())),
                Map.entry("speechTimeout", new Attribute("an integer", DIGITS.asMatchPredicate())),
                Map.entry("loop", loop),
                Map.entry(
                    "numDigits",
                    new Attribute(
                        "an integer > 0",
                        v -> DIGITS.matcher(v).matches() && Integer.parseInt(v) > 0)),
                Map.entry(
                    "finishOnKey",
                    new Attribute("0-9, #, * or empty", FINISH_KEYS.asMatchPredicate())),
                Map.entry("language", oneOf(GATHER_LANGUAGES.toArray(String[]::new))),
                Map.entry("input", oneOf("dtmf", "speech", "dtmf speech")),
                Map.entry("statusCallbackEvent", keywords(GATHER_EVENTS)),
                Map.entry("statusCallback", url),
                Map.entry("statusCallbackMethod", method)),
            Set.of()));
    specs.put("Hangup", new Spec(all, Content.NONE, Map.of(), Set.of()));
    specs.put(
        "If",
        new Spec(
            all,
            Content.VERBS,
            Map.of(
                "variable", oneOf("$GATHER"),
                "test", oneOf("EQUAL", "NOTEQUAL"),
                "value",
                    new Attribute(
                        "0-9 and a-z, alternatives separated by |", IF_VALUE.asMatchPredicate())),
            Set.of("variable", "test", "value")));
    Map<String, Attribute> dialing =
        Map.of(
            "statusCallbackEvent", keywords(NUMBER_EVENTS),
            "statusCallback", url,
            "statusCallbackMethod", method,
            "callerId", callerId);
    specs.put("Number", new Spec(calls, Content.TEXT, dialing, Set.of()));
    specs.put("Dial", new Spec(calls, Content.DIAL, dialing, Set.of()));
    specs.put(
        "Conference",
        new Spec(
            calls,
            Content.TEXT,
            Map.of(
                "muted", bool,
                "beep", oneOf("true", "false", "onEnter", "onExit"),
                "startConferenceOnEnter", bool,
                "endConferenceOnExit", bool,
                "participantLabel", new Attribute("a-z and 0-9", LOWER_ALNUM.asMatchPredicate()),
                "statusCallbackEvent", keywords(CONFERENCE_EVENTS),
                "statusCallback", url,
                "statusCallbackMethod", method),
            Set.of()));
    specs.put("Redirect", new Spec(all, Content.TEXT, Map.of("method", method), Set.of()));
    specs.put("Reject", new Spec(calls, Content.NONE, Map.of(), Set.of()));
    specs.put("SetMute", new Spec(conferences, Content.NONE, Map.of("muted", bool), Set.of()));
    return Map.copyOf(specs);
  }

  private static Attribute range(int low, int high) {
    return new Attribute(
        "an integer from " + low + " to " + high,
        v ->
            DIGITS.matcher(v).matches()
                && Integer.parseInt(v) >= low
                && Integer.parseInt(v) <= high);
  }

  private static Attribute oneOf(String... values) {
    Set<String> accepted = Set.of(values);
    return new Attribute("one of " + String.join(", ", values), accepted::contains);
  }

  private static Attribute keywords(Set<String> accepted) {
    return new Attribute(
        "keywords among " + String.join(" ", new TreeSet<>(accepted)),
        v -> {
          String trimmed = v.trim();
          if (trimmed.isEmpty()) {
            return true;
          }
          for (String keyword : trimmed.split("\\s+")) {
            if (!accepted.contains(keyword)) {
              return false;
            }
          }
          return true;
        });
  }

  /** True for an absolute {@code http} or {@code https} URL with a host. */
  static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      return uri.getScheme() != null
          && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The keywords of a {@code statusCallbackEvent} attribute. */
  static Set<String> keywordsOf(String value) {
    String trimmed = value.trim();
    return trimmed.isEmpty() ? Set.of() : Set.of(trimmed.split("\\s+"));
  }

  /**
   * Reads and checks a document for {@code resource}.
   *
   * @return the verbs under {@code <Response>}, in order
   * @throws Invalid with 5105 or 5106 when the API would refuse it
   */
  static List<Verb> parse(String xml, Resource resource) {
    if (xml == null || xml.isBlank()) {
      throw new Invalid(NO_RESPONSE_ROOT, "root element \"Response\" missing in voxXML");
    }
    Document document = read(xml);
    Element root = document.getDocumentElement();
    if (!root.getTagName().equals("Response")) {
      throw new Invalid(
          NO_RESPONSE_ROOT,
          "root element \"Response\" missing in voxXML (the root is <" + root.getTagName() + ">)");
    }
    if (root.getAttributes().getLength() > 0) {
      throw syntax("<Response> takes no attributes");
    }
    return verbs(root, resource, "Response");
  }

  private static Document read(String xml) {
    try {
      return SafeXml.parse(xml, false);
    } catch (SAXParseException e) {
      throw syntax(
          "not well-formed XML at line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + ": "
              + e.getMessage());
    } catch (SAXException | IOException e) {
      throw syntax("not well-formed XML: " + e.getMessage());
    }
  }

  private static Invalid syntax(String description) {
    return new Invalid(BAD_SYNTAX, "bad syntax in voxXML: " + description);
  }

  /** The verbs among the children of {@code parent}, which may hold no text of its own. */
  private static List<Verb> verbs(Element parent, Resource resource, String where) {
    List<Verb> verbs = new ArrayList<>();
    for (Node child : children(parent)) {
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        verbs.add(verb((Element) child, resource));
      } else if (isText(child) && !child.getNodeValue().isBlank()) {
        throw syntax("<" + where + "> holds text '" + child.getNodeValue().trim() + "'");
      }
    }
    return verbs;
  }

  private static Verb verb(Element element, Resource resource) {
    String name = element.getTagName();
    Spec spec = SPECS.get(name);
    if (spec == null) {
      throw syntax("unknown verb <" + name + ">");
    }
    if (!spec.resources().contains(resource)) {
      throw syntax("<" + name + "> is not supported on " + resource.plural);
    }
    Map<String, String> attributes = attributes(element, spec);
    switch (spec.content()) {
      case NONE:
        if (!verbs(element, resource, name).isEmpty()) {
          throw syntax("<" + name + "> holds no verbs");
        }
        return new Verb(name, attributes, "", List.of());
      case TEXT:
        return new Verb(name, attributes, text(element, name), List.of());
      case VERBS:
        return new Verb(name, attributes, "", verbs(element, resource, name));
      case PROMPTS:
        List<Verb> prompts = verbs(element, resource, name);
        for (Verb prompt : prompts) {
          if (!prompt.name().equals("Say") && !prompt.name().equals("Play")) {
            throw syntax("<Gather> may hold only <Say> and <Play>, not <" + prompt.name() + ">");
          }
        }
        return new Verb(name, attributes, "", prompts);
      case DIAL:
      default:
        return dial(element, attributes, resource);
    }
  }

  private static Map<String, String> attributes(Element element, Spec spec) {
    String name = element.getTagName();
    Map<String, String> attributes = new LinkedHashMap<>();
    NamedNodeMap all = element.getAttributes();
    for (int i = 0; i < all.getLength(); i++) {
      Node attribute = all.item(i);
      String key = attribute.getNodeName();
      String value = attribute.getNodeValue();
      Attribute documented = spec.attributes().get(key);
      if (documented == null) {
        throw syntax("<" + name + "> has no attribute " + key);
      }
      if (!documented.check().test(value)) {
        throw syntax(
            "<"
                + name
                + "> attribute "
                + key
                + " accepts "
                + documented.accepts()
                + ", was '"
                + value
                + "'");
      }
      attributes.put(key, value);
    }
    for (String required : spec.required()) {
      if (!attributes.containsKey(required)) {
        throw syntax("<" + name + "> needs the attribute " + required);
      }
    }
    return attributes;
  }

  /** The text of a verb that holds text only, checked for what the verb accepts. */
  private static String text(Element element, String name) {
    StringBuilder text = new StringBuilder();
    for (Node child : children(element)) {
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        throw syntax("<" + name + "> holds text, not <" + child.getNodeName() + ">");
      }
      if (isText(child)) {
        text.append(child.getNodeValue());
      }
    }
    // Say is spoken as written (the provider escapes text, never reformats it); the rest are
    // numbers, names and URLs, where surrounding whitespace means nothing.
    String value = name.equals("Say") ? text.toString() : text.toString().trim();
    switch (name) {
      case "Say":
        if (value.isBlank()) {
          throw syntax("<Say> needs text to speak");
        }
        break;
      case "Play":
      case "Redirect":
        if (!isHttpUrl(value)) {
          throw syntax("<" + name + "> needs an http or https URL, was '" + value + "'");
        }
        break;
      case "Number":
        checkNumber(value, "Number");
        break;
      case "Conference":
        if (!ROOM.matcher(value).matches()) {
          throw syntax("<Conference> needs an alphanumeric room name, was '" + value + "'");
        }
        break;
      default:
        break;
    }
    return value;
  }

  private static void checkNumber(String value, String name) {
    if (!E164_DIGITS.matcher(value).matches()) {
      throw syntax(
          "<" + name + "> needs an E.164 number as digits without '+', was '" + value + "'");
    }
  }

  /** Dial holds one literal number, or Number verbs, or one Conference. */
  private static Verb dial(Element element, Map<String, String> attributes, Resource resource) {
    boolean hasElements = false;
    for (Node child : children(element)) {
      hasElements |= child.getNodeType() == Node.ELEMENT_NODE;
    }
    if (!hasElements) {
      String number = text(element, "Dial");
      checkNumber(number, "Dial");
      return new Verb("Dial", attributes, number, List.of());
    }
    List<Verb> children = verbs(element, resource, "Dial");
    boolean numbers = children.stream().allMatch(v -> v.name().equals("Number"));
    boolean conference = children.size() == 1 && children.get(0).name().equals("Conference");
    if (!numbers && !conference) {
      throw syntax("<Dial> holds one number, <Number> verbs, or one <Conference>");
    }
    return new Verb("Dial", attributes, "", children);
  }

  private static List<Node> children(Element element) {
    NodeList list = element.getChildNodes();
    List<Node> nodes = new ArrayList<>(list.getLength());
    for (int i = 0; i < list.getLength(); i++) {
      nodes.add(list.item(i));
    }
    return nodes;
  }

  private static boolean isText(Node node) {
    return node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE;
  }
}
