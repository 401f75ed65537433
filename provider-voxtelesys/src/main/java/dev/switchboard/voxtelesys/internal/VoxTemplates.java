package dev.switchboard.voxtelesys.internal;

import dev.switchboard.flow.CallFlow;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of the flows a client answers and places calls with, by flow. Applications use a
 * handful of flows, so a bound of {@value #CAPACITY} is never reached in practice; one that makes a
 * flow per call (a name spoken in it) starts the cache afresh when it fills, so it cannot grow.
 */
final class VoxTemplates {
  static final int CAPACITY = 1024;

  private final Map<CallFlow, VoxTemplate> templates = new ConcurrentHashMap<>();

  /**
   * The flow last asked for, by instance: an application answering with one flow hands the same
   * instance every time, and comparing it by identity spares hashing the whole flow per call.
   */
  private volatile Last last;

  private record Last(CallFlow flow, VoxTemplate template) {}

  VoxTemplate of(CallFlow flow) {
    Last seen = last;
    if (seen != null && seen.flow() == flow) {
      return seen.template();
    }
    VoxTemplate template = templates.get(flow);
    if (template == null) {
      if (templates.size() >= CAPACITY) {
        templates.clear();
      }
      template = templates.computeIfAbsent(flow, VoxTemplate::of);
    }
    last = new Last(flow, template);
    return template;
  }

  int size() {
    return templates.size();
  }
}
