package dev.switchboard.xoxzo.internal;

import java.util.Map;

/** Lets tests send a raw form, to see how Xoxzo's own refusals come back. */
public final class XoxzoTestAccess {
  private XoxzoTestAccess() {}

  public static void create(XoxzoApi api, Map<String, String> form) {
    api.create(form, "voice", "simple", "playbacks");
  }
}
