package dev.switchboard.provider.support;

import dev.switchboard.spi.ConfigKey;
import dev.switchboard.spi.ConfigReader;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * How long a request to a vendor may take, the same three limits for every provider and each read
 * from its own key, {@code switchboard.<provider>.…}:
 *
 * <ul>
 *   <li>{@code connect-timeout-ms} (default {@value #DEFAULT_CONNECT_MS}): to open the connection;
 *   <li>{@code read-timeout-ms} (default {@value #DEFAULT_READ_MS}): the longest silence while a
 *       request is written or its answer read;
 *   <li>{@code timeout-ms} (default {@value #DEFAULT_CALL_MS}): the whole request, from connecting
 *       to the last byte of the answer, so that a vendor trickling its answer a byte at a time
 *       still fails in bounded time.
 * </ul>
 *
 * @param connect the connect time-out
 * @param read the longest silence while writing or reading
 * @param call the whole request
 */
public record HttpTimeouts(Duration connect, Duration read, Duration call) {
  /** Default for {@code connect-timeout-ms}. */
  public static final long DEFAULT_CONNECT_MS = 5_000;

  /** Default for {@code read-timeout-ms}. */
  public static final long DEFAULT_READ_MS = 5_000;

  /** Default for {@code timeout-ms}. */
  public static final long DEFAULT_CALL_MS = 10_000;

  public HttpTimeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(call, "call");
  }

  /** The same {@code limit} for connecting, for each silence and for the whole request. */
  public static HttpTimeouts all(Duration limit) {
    return new HttpTimeouts(limit, limit, limit);
  }

  /** The three keys of {@code providerId}, with their defaults, for its {@code configKeys()}. */
  public static List<ConfigKey> configKeys(String providerId) {
    return List.of(
        ConfigKey.millis(
            connectKey(providerId), "milliseconds to connect to the vendor", DEFAULT_CONNECT_MS),
        ConfigKey.millis(
            readKey(providerId),
            "milliseconds of silence allowed while sending a request or reading its answer",
            DEFAULT_READ_MS),
        ConfigKey.millis(
            callKey(providerId),
            "milliseconds a whole request may take, answer included",
            DEFAULT_CALL_MS));
  }

  /**
   * The limits configured for {@code providerId}; a bad value is a problem {@code read} reports.
   */
  public static HttpTimeouts from(ConfigReader read, String providerId) {
    return new HttpTimeouts(
        read.millis(connectKey(providerId), DEFAULT_CONNECT_MS),
        read.millis(readKey(providerId), DEFAULT_READ_MS),
        read.millis(callKey(providerId), DEFAULT_CALL_MS));
  }

  /** The limits applied to {@code builder}. */
  OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
    return builder.connectTimeout(connect).readTimeout(read).writeTimeout(read).callTimeout(call);
  }

  private static String connectKey(String providerId) {
    return "switchboard." + providerId + ".connect-timeout-ms";
  }

  private static String readKey(String providerId) {
    return "switchboard." + providerId + ".read-timeout-ms";
  }

  private static String callKey(String providerId) {
    return "switchboard." + providerId + ".timeout-ms";
  }
}
