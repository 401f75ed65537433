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

  VoxTemplate of(CallFlow flow) {
    VoxTemplate template = templates.get(flow);
    if (template != null) {
      return template;
    }
    if (templates.size() >= CAPACITY) {
      templates.clear();
    }
    return templates.computeIfAbsent(flow, VoxTemplate::of);
  }

  int size() {
    return templates.size();
  }
}
