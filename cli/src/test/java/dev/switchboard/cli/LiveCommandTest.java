package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.SwitchboardConfig;
import dev.switchboard.hoiio.HoiioProvider;
import dev.switchboard.testkit.Callee;
import dev.switchboard.testkit.ReferenceInterpreter;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.testkit.simulator.HoiioSimulator;
import dev.switchboard.testkit.simulator.VendorSimulator;
import dev.switchboard.testkit.simulator.VoxtelesysSimulator;
import dev.switchboard.testkit.simulator.WireExchange;
import dev.switchboard.testkit.simulator.XoxzoSimulator;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import dev.switchboard.xoxzo.XoxzoProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Commands that use credentials, run against each vendor's simulator started by the test. */
class LiveCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private Path config(Map<String, String> values) throws IOException {
    Path file = dir.resolve("switchboard.properties");
    Files.writeString(
        file,
        values.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n")));
    return file;
  }

  private static WireExchange firstRequest(VendorSimulator simulator) {
    return simulator.wireLog().stream()
        .filter(w -> w.direction() == WireExchange.Direction.TO_VENDOR)
        .findFirst()
        .orElseThrow();
  }

  private static String callId(CommandTest.Result result) {
    Matcher m = Pattern.compile("Placed call (\\S+) on").matcher(result.out());
    assertThat(m.find()).as(result.out() + result.err()).isTrue();
    return m.group(1);
  }

  @Test
  @DisplayName("call, status and hangup on Voxtelesys send the documented requests")
  void voxtelesys() throws IOException {
    try (VoxtelesysSimulator simulator = new VoxtelesysSimulator("cli-key")) {
      simulator.start();
      Path config =
          config(
              Map.of(
                  VoxtelesysProvider.API_KEY,
                  "cli-key",
                  VoxtelesysProvider.BASE_URL,
                  simulator.baseUrl().toString()));
      CommandTest.Result placed =
          CommandTest.run(
              "call",
              "--provider",
              "voxtelesys",
              "--config",
              config.toString(),
              "--from",
              "+15550001111",
              "--to",
              "+15556667777",
              CommandTest.example("reminder-tts"));
      assertThat(placed.code()).as(placed.err()).isZero();
      String id = callId(placed);
      WireExchange create = firstRequest(simulator);
      assertThat(create.method() + " " + create.uri().getPath()).isEqualTo("POST /calls");
      assertThat(create.headers().get("Authorization")).containsExactly("Bearer cli-key");
      assertThat(create.requestBody())
          .contains("\"to\":\"15556667777\"", "\"from\":\"15550001111\"", "This is a reminder");
      simulator.awaitTranscript(id, WAIT);
      CommandTest.Result status =
          CommandTest.run("status", "--provider", "voxtelesys", "--config", config.toString(), id);
      assertThat(status.out()).startsWith(id + " COMPLETED");
      CommandTest.Result hangup =
          CommandTest.run("hangup", "--provider", "voxtelesys", "--config", config.toString(), id);
      assertThat(hangup.code()).isZero();
      assertThat(simulator.wireLog())
          .anySatisfy(
              w ->
                  assertThat(w.method() + " " + w.uri().getPath())
                      .isEqualTo("DELETE /calls/" + id));
    }
  }

  @Test
  @DisplayName(
      "call and hangup on Hoiio send a Dial and a forced hangup; status is refused as undeclared")
  void hoiio() throws IOException {
    try (HoiioSimulator simulator = new HoiioSimulator("cli-app", "cli-token")) {
      simulator.start();
      Path config =
          config(
              Map.of(
                  HoiioProvider.APP_ID, "cli-app",
                  HoiioProvider.ACCESS_TOKEN, "cli-token",
                  HoiioProvider.BASE_URL, simulator.baseUrl() + "/open/",
                  SwitchboardConfig.WEBHOOK_BASE_URL, "http://127.0.0.1:9/hooks",
                  SwitchboardConfig.WEBHOOK_SECRET, "cli-test-webhook-secret"));
      CommandTest.Result placed =
          CommandTest.run(
              "call",
              "--provider",
              "hoiio",
              "--config",
              config.toString(),
              "--from",
              "+6560000000",
              "--to",
              "+6561234567",
              CommandTest.example("voicemail"));
      assertThat(placed.code()).as(placed.err()).isZero();
      String session = callId(placed);
      WireExchange dial = firstRequest(simulator);
      assertThat(dial.uri().getPath()).isEqualTo("/open/ivr/start/dial");
      assertThat(dial.requestBody())
          .contains(
              "app_id=cli-app", "dest=%2B6561234567", "caller_id=%2B6560000000", "notify_url=");
      assertThat(
              CommandTest.run(
                      "hangup", "--provider", "hoiio", "--config", config.toString(), session)
                  .code())
          .isZero();
      assertThat(simulator.wireLog())
          .anySatisfy(
              w -> assertThat(w.requestBody()).contains("force=enabled", "session=" + session));
      CommandTest.Result status =
          CommandTest.run("status", "--provider", "hoiio", "--config", config.toString(), session);
      // Hoiio's status query needs the Dial's txn_ref, which only the placing client holds.
      assertThat(status.code()).isEqualTo(1);
      assertThat(status.err()).contains("was not placed or answered by this client");
    }
  }

  @Test
  @DisplayName("call with several providers places the call on the first that can run the flow")
  void routed() throws IOException {
    try (XoxzoSimulator xoxzo = new XoxzoSimulator("cli-sid", "cli-token");
        VoxtelesysSimulator voxtelesys = new VoxtelesysSimulator("cli-key")) {
      xoxzo.start();
      voxtelesys.start();
      Path config =
          config(
              Map.of(
                  XoxzoProvider.SID, "cli-sid",
                  XoxzoProvider.AUTH_TOKEN, "cli-token",
                  XoxzoProvider.BASE_URL, xoxzo.baseUrl().toString(),
                  VoxtelesysProvider.API_KEY, "cli-key",
                  VoxtelesysProvider.BASE_URL, voxtelesys.baseUrl().toString()));
      voxtelesys.scriptNextCall(Callee.builder().presses("2").build());
      CommandTest.Result placed =
          CommandTest.run(
              "call",
              "--provider",
              "xoxzo,voxtelesys",
              "--config",
              config.toString(),
              "--from",
              "+15550001111",
              "--to",
              "+15556667777",
              CommandTest.example("simple-ivr"));
      assertThat(placed.code()).as(placed.err()).isZero();
      assertThat(placed.out()).contains(" on voxtelesys ");
      assertThat(xoxzo.requestCount()).isZero();
      voxtelesys.awaitTranscript(callId(placed), WAIT);
      CommandTest.Result status =
          CommandTest.run(
              "status",
              "--provider",
              "xoxzo,voxtelesys",
              "--config",
              config.toString(),
              callId(placed));
      assertThat(status.code()).isEqualTo(2);
      assertThat(status.err()).contains("status takes one --provider");
    }
  }

  @Test
  @DisplayName("call and status on Xoxzo send the playback request with Basic auth")
  void xoxzo() throws IOException {
    try (XoxzoSimulator simulator = new XoxzoSimulator("cli-sid", "cli-token")) {
      simulator.start();
      Path config =
          config(
              Map.of(
                  XoxzoProvider.SID, "cli-sid",
                  XoxzoProvider.AUTH_TOKEN, "cli-token",
                  XoxzoProvider.BASE_URL, simulator.baseUrl().toString()));
      CommandTest.Result placed =
          CommandTest.run(
              "call",
              "--provider",
              "xoxzo",
              "--config",
              config.toString(),
              "--from",
              "+818012345678",
              "--to",
              "+818011112222",
              CommandTest.example("reminder-mp3"));
      assertThat(placed.code()).as(placed.err()).isZero();
      String id = callId(placed);
      WireExchange create = firstRequest(simulator);
      assertThat(create.uri().getPath()).isEqualTo("/voice/simple/playbacks/");
      assertThat(create.headers().get("Authorization").get(0)).startsWith("Basic ");
      assertThat(create.requestBody())
          .contains(
              "caller=%2B818012345678",
              "recipient=%2B818011112222", "recording_url=http%3A%2F%2Fwww.mysite.com%2F123.mp3");
      simulator.awaitTranscript(id, WAIT);
      assertThat(
              CommandTest.run("status", "--provider", "xoxzo", "--config", config.toString(), id)
                  .out())
          .startsWith(id + " COMPLETED");
    }
  }

  /** Output that can be waited on until it contains some text. */
  static final class WatchedOutput extends OutputStream {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      buffer.write(b);
      notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      buffer.write(b, off, len);
      notifyAll();
    }

    synchronized String text() {
      return buffer.toString(StandardCharsets.UTF_8);
    }

    synchronized String await(Pattern pattern, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      Matcher m;
      while (!(m = pattern.matcher(text())).find()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no " + pattern + " in:\n" + text());
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return m.group(1);
    }
  }

  @Test
  @DisplayName(
      "serve, for several providers, answers incoming calls with the flow, prints each event, and"
          + " stops cleanly")
  void serve() throws Exception {
    try (VoxtelesysSimulator simulator = new VoxtelesysSimulator("cli-key")) {
      simulator.start();
      Path config =
          config(
              Map.of(
                  VoxtelesysProvider.API_KEY, "cli-key",
                  VoxtelesysProvider.BASE_URL, simulator.baseUrl().toString(),
                  XoxzoProvider.SID, "cli-sid",
                  XoxzoProvider.AUTH_TOKEN, "cli-token",
                  SwitchboardConfig.WEBHOOK_BASE_URL, "http://127.0.0.1:PORT/hooks",
                  SwitchboardConfig.WEBHOOK_SECRET, "cli-serve-webhook-secret"));
      // The port is only known once serving; a first run finds a free one for the config.
      int port;
      try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      Files.writeString(config, Files.readString(config).replace("PORT", String.valueOf(port)));
      WatchedOutput out = new WatchedOutput();
      CommandLine line =
          Main.commandLine(
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(new ByteArrayOutputStream()),
              false);
      ServeCommand serve = (ServeCommand) line.getSubcommands().get("serve").getCommand();
      AtomicInteger code = new AtomicInteger(-1);
      Thread server =
          new Thread(
              () ->
                  code.set(
                      line.execute(
                          "serve",
                          "--provider",
                          "voxtelesys,xoxzo",
                          "--config",
                          config.toString(),
                          "--port",
                          String.valueOf(port),
                          CommandTest.example("reminder-tts"))));
      server.start();
      String url =
          out.await(Pattern.compile("Incoming-call URL to configure at Voxtelesys: (\\S+)"), WAIT);
      String xoxzoUrl =
          out.await(Pattern.compile("Incoming-call URL to configure at Xoxzo: (\\S+)"), WAIT);
      assertThat(URI.create(xoxzoUrl).getPath()).endsWith("/xoxzo/incoming");
      Callee caller = Callee.answering();
      assertThat(simulator.incomingCall(URI.create(url), "15556668888", "15556667777", caller))
          .isEqualTo(ReferenceInterpreter.run(SeedFlows.reminderByVoice(), caller));
      out.await(Pattern.compile("(IncomingCall)"), WAIT);
      serve.running.stop();
      server.join(WAIT.toMillis());
      assertThat(code).hasValue(0);
      assertThat(out.text())
          .contains(
              "Listening on port " + port + " at 127.0.0.1 for voxtelesys, xoxzo", "Stopped.");
      assertThat(List.of(out.text().split("\n"))).anyMatch(l -> l.startsWith("IncomingCall"));
    }
  }
}
