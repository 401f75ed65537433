package dev.switchboard.voxtelesys.internal;

import dev.switchboard.flow.CallFlow;
import dev.switchboard.voxtelesys.internal.voxxml.VoxXmlWriter;
import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A flow's VoxXML compiled once, with only its signed callback URLs left to put in per call: the
 * call's own, and one per Conference verb, numbered in document order. Answering a call from a
 * template costs a copy of its text, where compiling cost the capability walk, the vendor rules and
 * writing the whole document. A test holds it byte for byte to compiling afresh.
 */
final class VoxTemplate {
  private static final String CALL = "urn:switchboard:call";
  private static final String CONFERENCE = "urn:switchboard:conference:";

  /** The text between the URLs: one more piece than there are URLs. */
  private final String[] literals;

  /** What each URL is: -1 for the call's own, else the number of its Conference verb. */
  private final int[] slots;

  private final int conferences;
  private final int length;

  private VoxTemplate(VoxXmlWriter.Cut cut, int conferences) {
    this.literals = cut.literals().toArray(String[]::new);
    this.slots =
        cut.slots().stream()
            .mapToInt(
                slot ->
                    slot.equals(CALL) ? -1 : Integer.parseInt(slot.substring(CONFERENCE.length())))
            .toArray();
    this.conferences = conferences;
    this.length = cut.literals().stream().mapToInt(String::length).sum();
  }

  /** The template of {@code flow}'s document with callbacks. */
  static VoxTemplate of(CallFlow flow) {
    Set<String> markers = new HashSet<>();
    markers.add(CALL);
    int[] conferences = {0};
    VoxXmlCompiler compiler =
        new VoxXmlCompiler(
            Optional.of(URI.create(CALL)),
            room -> {
              String marker = CONFERENCE + conferences[0]++;
              markers.add(marker);
              return Optional.of(URI.create(marker));
            });
    return new VoxTemplate(VoxXmlWriter.cut(compiler.document(flow), markers), conferences[0]);
  }

  /**
   * The document with {@code callUrl} for the call's callbacks, and {@code conferenceUrl.apply(i)}
   * for those of its {@code i}th Conference verb, asked once each, in order. Both come escaped as
   * attribute values ({@link VoxXmlWriter#attributeValue}), which signed URLs are from the start.
   */
  String render(String callUrl, IntFunction<String> conferenceUrl) {
    String[] rooms = new String[conferences];
    int total = length;
    for (int i = 0; i < conferences; i++) {
      rooms[i] = conferenceUrl.apply(i);
    }
    for (int slot : slots) {
      total += slot < 0 ? callUrl.length() : rooms[slot].length();
    }
    StringBuilder out = new StringBuilder(total);
    out.append(literals[0]);
    for (int i = 0; i < slots.length; i++) {
      out.append(slots[i] < 0 ? callUrl : rooms[slots[i]]).append(literals[i + 1]);
    }
    return out.toString();
  }
}
