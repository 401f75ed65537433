package dev.switchboard.benchmarks;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Say;
import dev.switchboard.testkit.SeedFlows;
import dev.switchboard.voxtelesys.VoxtelesysProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * P2: the cold start, in fresh JVMs. Each run starts a new JVM that renders its first document and
 * prints how long that took from the start of {@code main} (class loading and first use included,
 * the JVM's own boot not); Twilio's SDK rendering its first TwiML is the anchor, in the same run.
 * It also times the command's {@code render} and {@code serve} as a user meets them, from process
 * start to the document printed and to the server listening.
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks,cli -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.switchboard.benchmarks.ColdStartRun [runs]
 * </pre>
 */
public final class ColdStartRun {
  private ColdStartRun() {}

  /** A fresh JVM's first VoxXML document. */
  public static final class SwitchboardFirstDocument {
    private SwitchboardFirstDocument() {}

    public static void main(String[] args) {
      long start = System.nanoTime();
      String document = new VoxtelesysProvider().compile(SeedFlows.simpleIvr());
      long took = System.nanoTime() - start;
      System.out.println(took + " " + document.length());
    }
  }

  /** A fresh JVM's first TwiML document, built with Twilio's SDK. */
  public static final class TwilioFirstDocument {
    private TwilioFirstDocument() {}

    public static void main(String[] args) {
      long start = System.nanoTime();
      String document =
          new VoiceResponse.Builder()
              .say(
                  new Say.Builder("Thank you for calling")
                      .voice(Say.Voice.POLLY_JOANNA)
                      .language(Say.Language.EN_US)
                      .build())
              .build()
              .toXml();
      long took = System.nanoTime() - start;
      System.out.println(took + " " + document.length());
    }
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    List<Long> switchboard = new ArrayList<>();
    List<Long> twilio = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      // Interleaved, so that the machine's state weighs on both alike.
      switchboard.add(firstDocument(java, classPath, SwitchboardFirstDocument.class));
      twilio.add(firstDocument(java, classPath, TwilioFirstDocument.class));
    }
    report("first document, Switchboard", switchboard);
    report("first document, Twilio (anchor)", twilio);
    System.out.printf(
        "ratio Switchboard / Twilio: %.2f (medians)%n",
        (double) median(switchboard) / median(twilio));
    Path jar = Path.of("cli", "target", "switchboard.jar");
    if (Files.isRegularFile(jar)) {
      List<Long> render = new ArrayList<>();
      List<Long> serve = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        render.add(
            untilExit(
                java,
                "-jar",
                jar.toString(),
                "render",
                "--provider",
                "voxtelesys",
                "examples/simple-ivr.json"));
        serve.add(untilListening(java, jar));
      }
      report("switchboard render, process start to exit", render);
      report("switchboard serve, process start to listening", serve);
    }
  }

  private static long firstDocument(String java, String classPath, Class<?> main)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(java, "-cp", classPath, main.getName())
            .redirectErrorStream(true)
            .start();
    String out =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(main.getSimpleName() + " failed: " + out);
    }
    return Long.parseLong(out.split(" ")[0]);
  }

  private static long untilExit(String... command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
    return System.nanoTime() - start;
  }

  private static long untilListening(String java, Path jar)
      throws IOException, InterruptedException {
    Path config = Files.createTempFile("switchboard-cold", ".properties");
    Files.writeString(
        config,
        "switchboard.voxtelesys.api-key=cold-start\n"
            + "switchboard.webhook.base-url=http://127.0.0.1:9/hooks\n"
            + "switchboard.webhook.secret=cold-start-secret-0123456789\n");
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                "serve",
                "--provider",
                "voxtelesys",
                "--config",
                config.toString(),
                "--port",
                "0",
                "examples/simple-ivr.json")
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("Listening on port")) {
          return System.nanoTime() - start;
        }
      }
      throw new IllegalStateException("serve ended without listening");
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
      Files.deleteIfExists(config);
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void report(String what, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    System.out.printf(
        "%-48s median %6.1f ms, min %6.1f ms, max %6.1f ms (%d runs)%n",
        what,
        median(nanos) / 1e6,
        sorted.get(0) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6,
        nanos.size());
  }
}
