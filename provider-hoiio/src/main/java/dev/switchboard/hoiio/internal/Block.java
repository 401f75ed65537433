package dev.switchboard.hoiio.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One block request to send: which block, its parameters (without credentials and {@code
 * notify_url}), and where the call's cursor stands once it completes.
 *
 * @param kind the block
 * @param params its parameters, in a stable order
 * @param next the call's state once the block's notification arrives, before reading it
 */
record Block(BlockKind kind, Map<String, String> params, CallState next) {
  Block {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
