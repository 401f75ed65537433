package dev.switchboard.testkit.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HTTP exchange a simulator took part in: a request the application sent to the simulated
 * vendor, or a callback the simulator sent to the application.
 *
 * @param direction which way the request went
 * @param method the HTTP method
 * @param uri the request URI
 * @param headers the request headers
 * @param requestBody the request body, UTF-8
 * @param status the response status, or 0 when no response came (connection refused, time-out)
 * @param responseBody the response body, UTF-8
 */
public record WireExchange(
    Direction direction,
    String method,
    URI uri,
    Map<String, List<String>> headers,
    String requestBody,
    int status,
    String responseBody) {

  /** Which way a request went. */
  public enum Direction {
    /** The application called the simulated vendor's API. */
    TO_VENDOR,
    /** The simulated vendor called the application back. */
    TO_APPLICATION
  }

  /** Form or query fields that carry credentials; their values never reach a rendered log. */
  private static final Pattern CREDENTIALS =
      Pattern.compile("(access_token|auth_token|api_key|password)=[^&\\s]*");

  public WireExchange {
    Objects.requireNonNull(direction, "direction");
    headers = Map.copyOf(headers);
  }

  /**
   * The exchange as a person reads it: request line, body, then the status and reply. Headers are
   * left out and credential fields masked, because rendered exchanges end up in test reports; the
   * record's components keep everything for assertions.
   */
  public String render() {
    String arrow = direction == Direction.TO_VENDOR ? ">>" : "<<";
    StringBuilder out =
        new StringBuilder(arrow)
            .append(' ')
            .append(method)
            .append(' ')
            .append(mask(uri.toString()));
    if (!requestBody.isEmpty()) {
      out.append('\n').append(mask(requestBody));
    }
    out.append('\n').append(status == 0 ? "(no response)" : String.valueOf(status));
    if (!responseBody.isEmpty()) {
      out.append(' ').append(responseBody);
    }
    return out.toString();
  }

  /** Same as {@link #render()}, so that a failure message never shows a credential. */
  @Override
  public String toString() {
    return render();
  }

  private static String mask(String text) {
    return CREDENTIALS.matcher(text).replaceAll("$1=****");
  }
}
