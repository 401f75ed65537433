package dev.switchboard.voxtelesys.internal.voxxml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a VoxXML document straight into a {@link StringBuilder}, byte for byte as the JAXB
 * marshaller writes it ({@link VoxXml#marshal}): the model's annotations stay the definition of the
 * document, and a test holds this writer to them over every seed and random flow. It exists because
 * marshalling was most of the time of answering a call and of the first document after start-up,
 * which JAXB's context creation took most of.
 *
 * <p>Attributes come in JAXB's order, a superclass's before its subclass's, each in declaration
 * order; absent ones are left out; a value is escaped as JAXB's default escape handler does.
 */
public final class VoxXmlWriter {
  /**
   * A document cut where its callback URLs go: {@code literals} has one more entry than {@code
   * slots}, and slot {@code i}, the marker of a URL, stands between literals {@code i} and {@code i
   * + 1}.
   */
  public record Cut(List<String> literals, List<String> slots) {
    public Cut {
      literals = List.copyOf(literals);
      slots = List.copyOf(slots);
    }
  }

  private final StringBuilder out = new StringBuilder(256);
  private final Set<String> markers;
  private final List<String> literals = new ArrayList<>();
  private final List<String> slots = new ArrayList<>();
  private int literalStart;

  private VoxXmlWriter(Set<String> markers) {
    this.markers = markers;
  }

  /** {@code response} as VoxXML text, without an XML declaration. */
  public static String write(VoxResponse response) {
    VoxXmlWriter writer = new VoxXmlWriter(Set.of());
    writer.response(response);
    return writer.out.toString();
  }

  /**
   * {@code response} as VoxXML text, cut at every {@code statusCallback} whose value is one of
   * {@code markers}, so that the URLs can be put in later without writing the document again.
   */
  public static Cut cut(VoxResponse response, Set<String> markers) {
    VoxXmlWriter writer = new VoxXmlWriter(markers);
    writer.response(response);
    writer.literals.add(writer.out.substring(writer.literalStart));
    return new Cut(writer.literals, writer.slots);
  }

  /** {@code url} as an attribute value, escaped as the writer escapes every value. */
  public static String attributeValue(String url) {
    if (plain(url, true)) {
      return url.indexOf('&') < 0 ? url : url.replace("&", "&amp;");
    }
    StringBuilder out = new StringBuilder(url.length() + 16);
    escape(out, url, true);
    return out.toString();
  }

  /** Whether {@code text} has nothing to escape but ampersands. */
  private static boolean plain(String text, boolean attribute) {
    return text.indexOf('<') < 0 && text.indexOf('>') < 0 && (!attribute || text.indexOf('"') < 0);
  }

  private void response(VoxResponse response) {
    open("Response");
    children(response.commands(), "Response");
  }

  private void children(List<Object> children, String name) {
    if (children.isEmpty()) {
      out.append("/>");
      return;
    }
    out.append('>');
    for (Object child : children) {
      command(child);
    }
    out.append("</").append(name).append('>');
  }

  private void command(Object command) {
    if (command instanceof VoxSay say) {
      open("Say");
      attribute("loop", say.loop);
      attribute("repeatDelay", say.repeatDelay);
      attribute("voice", say.voice);
      attribute("language", say.language);
      attribute("separateNumbers", say.separateNumbers);
      value("Say", say.text);
    } else if (command instanceof VoxPlay play) {
      open("Play");
      attribute("loop", play.loop);
      attribute("repeatDelay", play.repeatDelay);
      value("Play", play.url);
    } else if (command instanceof VoxPause pause) {
      open("Pause");
      attribute("length", pause.length);
      out.append("/>");
    } else if (command instanceof VoxGather gather) {
      open("Gather");
      callbacks(gather);
      attribute("repeatDelay", gather.repeatDelay);
      attribute("timeout", gather.timeout);
      attribute("speechTimeout", gather.speechTimeout);
      attribute("loop", gather.loop);
      attribute("numDigits", gather.numDigits);
      attribute("finishOnKey", gather.finishOnKey);
      attribute("language", gather.language);
      attribute("input", gather.input);
      children(gather.prompts(), "Gather");
    } else if (command instanceof VoxIf branch) {
      open("If");
      attribute("variable", branch.variable);
      attribute("test", branch.test);
      attribute("value", branch.value);
      children(branch.commands(), "If");
    } else if (command instanceof VoxNumber number) {
      open("Number");
      callbacks(number);
      attribute("callerId", number.callerId);
      value("Number", number.number);
    } else if (command instanceof VoxConference conference) {
      open("Conference");
      callbacks(conference);
      attribute("muted", conference.muted);
      attribute("beep", conference.beep);
      attribute("startConferenceOnEnter", conference.startConferenceOnEnter);
      attribute("endConferenceOnExit", conference.endConferenceOnExit);
      attribute("participantLabel", conference.participantLabel);
      value("Conference", conference.name);
    } else if (command instanceof VoxDial dial) {
      open("Dial");
      callbacks(dial);
      attribute("callerId", dial.callerId);
      children(dial.content(), "Dial");
    } else if (command instanceof VoxRedirect redirect) {
      open("Redirect");
      attribute("method", redirect.method);
      value("Redirect", redirect.url);
    } else if (command instanceof VoxSetMute mute) {
      open("SetMute");
      attribute("muted", mute.muted);
      out.append("/>");
    } else if (command instanceof VoxHangup) {
      out.append("<Hangup/>");
    } else if (command instanceof VoxReject) {
      out.append("<Reject/>");
    } else if (command instanceof String text) {
      // Mixed content of a Dial.
      escape(out, text, false);
    } else {
      throw new IllegalArgumentException("not a VoxXML command: " + command.getClass().getName());
    }
  }

  private void callbacks(Callbacks callbacks) {
    attribute("statusCallbackEvent", callbacks.statusCallbackEvent);
    if (callbacks.statusCallback != null && markers.contains(callbacks.statusCallback)) {
      out.append(" statusCallback=\"");
      literals.add(out.substring(literalStart));
      slots.add(callbacks.statusCallback);
      literalStart = out.length();
      out.append('"');
    } else {
      attribute("statusCallback", callbacks.statusCallback);
    }
    attribute("statusCallbackMethod", callbacks.statusCallbackMethod);
  }

  private void open(String name) {
    out.append('<').append(name);
  }

  private void value(String name, String value) {
    if (value == null) {
      out.append("/>");
      return;
    }
    out.append('>');
    escape(out, value, false);
    out.append("</").append(name).append('>');
  }

  private void attribute(String name, Object value) {
    if (value == null) {
      return;
    }
    out.append(' ').append(name).append("=\"");
    escape(out, value.toString(), true);
    out.append('"');
  }

  /** Escapes as JAXB's default (minimum) escape handler does. */
  private static void escape(StringBuilder out, String text, boolean attribute) {
    if (plain(text, attribute)) {
      // Most text, and every URL: whole-string searches and copies, which the JDK does fastest.
      out.append(text.indexOf('&') < 0 ? text : text.replace("&", "&amp;"));
      return;
    }
    // Runs between the characters to replace are copied whole.
    int from = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c > '>') {
        // Above every character replaced ('"', '&', '<', '>'): letters, mostly.
        continue;
      }
      String entity =
          c == '&'
              ? "&amp;"
              : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' && attribute ? "&quot;" : null;
      if (entity != null) {
        out.append(text, from, i).append(entity);
        from = i + 1;
      }
    }
    out.append(text, from, length);
  }
}
