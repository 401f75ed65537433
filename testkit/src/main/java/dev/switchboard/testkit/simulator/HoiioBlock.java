package dev.switchboard.testkit.simulator;

import dev.switchboard.testkit.Observation;
import java.net.URI;
import java.util.List;

/**
 * One checked block request, as the simulated Hoiio runs it.
 *
 * @param name the block: {@code dial}, {@code play}, {@code gather}, {@code record}, {@code
 *     monitor}, {@code hold}, {@code unhold}, {@code transfer} or {@code hangup}
 * @param msg what {@code msg} plays, segment by segment
 * @param tag the {@code tag}, or null
 * @param notifyUrl the {@code notify_url}, or null
 * @param monitorNotifyUrl Monitor's {@code monitor_notify_url}, or null
 * @param dest Dial's or Transfer's number ({@code +} and digits), or null for a room
 * @param room Transfer's conference room (the id after {@code room:}, generated when empty), or
 *     null
 * @param continueOnFailure Transfer's {@code on_failure=continue}
 * @param forced Hangup's {@code force=enabled}
 * @param maxDigits Gather's {@code max_digits}, 0 for no limit
 * @param attempts Gather's {@code attempts}
 */
record HoiioBlock(
    String name,
    List<Observation> msg,
    String tag,
    URI notifyUrl,
    URI monitorNotifyUrl,
    String dest,
    String room,
    boolean continueOnFailure,
    boolean forced,
    int maxDigits,
    int attempts) {
  HoiioBlock {
    msg = List.copyOf(msg);
  }

  boolean isForcedHangup() {
    return name.equals("hangup") && forced;
  }

  /**
   * This Hangup sent while a block plays: the SDK page says it may be sent at any point, and then
   * its {@code msg} is not played and the call hangs up at once, as a forced one does.
   */
  HoiioBlock interrupting() {
    return new HoiioBlock(
        name,
        List.of(),
        tag,
        notifyUrl,
        monitorNotifyUrl,
        dest,
        room,
        continueOnFailure,
        true,
        maxDigits,
        attempts);
  }
}
