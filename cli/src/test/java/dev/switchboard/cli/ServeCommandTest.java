package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.SwitchboardConfig;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where {@code serve} listens: loopback unless {@code --bind} says otherwise. */
class ServeCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  /** What a check needs to know about a running {@code serve}. */
  private interface WhileServing {
    void check(int port) throws Exception;
  }

  @Test
  @DisplayName("--help documents --bind and its loopback default")
  void help() {
    CommandTest.Result result = CommandTest.run("serve", "--help");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("--bind=ADDRESS", "default: 127.0.0.1", "0.0.0.0");
  }

  @Test
  @DisplayName("a malformed --bind address exits 2 with one line on stderr")
  void malformedBind() {
    CommandTest.Result result =
        CommandTest.run(
            "serve",
            "--provider",
            "voxtelesys",
            "--port",
            "0",
            "--bind",
            "[::1",
            CommandTest.example("reminder-tts"));

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--bind");
  }

  @Test
  @DisplayName("serve listens on 127.0.0.1 by default, not on the machine's other addresses")
  void loopbackByDefault() throws Exception {
    InetAddress external = externalAddress();
    serve(
        List.of(),
        port -> {
          assertThat(answers(new InetSocketAddress("127.0.0.1", port))).isTrue();
          assertThat(answers(new InetSocketAddress(external, port))).isFalse();
        });
  }

  @Test
  @DisplayName("serve --bind 0.0.0.0 listens on every interface")
  void everyInterface() throws Exception {
    InetAddress external = externalAddress();
    serve(
        List.of("--bind", "0.0.0.0"),
        port -> {
          assertThat(answers(new InetSocketAddress("127.0.0.1", port))).isTrue();
          assertThat(answers(new InetSocketAddress(external, port))).isTrue();
        });
  }

  /** Runs {@code serve} on a free port with {@code options}, checks it, and stops it. */
  private void serve(List<String> options, WhileServing check) throws Exception {
    Path config = dir.resolve("switchboard.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            VoxtelesysProvider.API_KEY + "=serve-key",
            VoxtelesysProvider.BASE_URL + "=http://127.0.0.1:9",
            SwitchboardConfig.WEBHOOK_BASE_URL + "=http://127.0.0.1:8080/hooks",
            SwitchboardConfig.WEBHOOK_SECRET + "=serve-command-webhook-secret"));
    List<String> args =
        new ArrayList<>(
            List.of("serve", "--provider", "voxtelesys", "--config", config.toString()));
    args.addAll(List.of("--port", "0"));
    args.addAll(options);
    args.add(CommandTest.example("reminder-tts"));

    LiveCommandTest.WatchedOutput out = new LiveCommandTest.WatchedOutput();
    CommandLine line =
        Main.commandLine(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream()),
            false);
    ServeCommand serve = (ServeCommand) line.getSubcommands().get("serve").getCommand();
    AtomicInteger code = new AtomicInteger(-1);
    Thread server = new Thread(() -> code.set(line.execute(args.toArray(String[]::new))));
    server.start();
    try {
      String port = out.await(Pattern.compile("Listening on port (\\d+) at "), WAIT);
      check.check(Integer.parseInt(port));
    } finally {
      serve.running.stop();
      server.join(WAIT.toMillis());
    }
    assertThat(code).hasValue(0);
    assertThat(out.text()).contains("Stopped.");
  }

  /** Whether an HTTP server answers at {@code address}; false when the connection is refused. */
  private static boolean answers(InetSocketAddress address) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, (int) WAIT.toMillis());
      socket.setSoTimeout((int) WAIT.toMillis());
      socket
          .getOutputStream()
          .write(
              "GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(9), StandardCharsets.US_ASCII).equals("HTTP/1.1 ");
    } catch (ConnectException refused) {
      return false;
    }
  }

  /** A non-loopback IPv4 address of this machine; the test is skipped on a machine with none. */
  private static InetAddress externalAddress() throws SocketException {
    List<InetAddress> found = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            found.add(address);
          }
        }
      }
    }
    assumeTrue(!found.isEmpty(), "this machine has no non-loopback IPv4 address");
    return found.get(0);
  }
}
