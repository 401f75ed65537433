package dev.switchboard.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.simulator.Simulators;
import dev.switchboard.testkit.simulator.VendorSimulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application on the module path, as a modular application is deployed: its {@code
 * module-info.java} requires {@code dev.switchboard} and a provider, it is compiled and run with
 * {@code --module-path} and nothing on the class path, and it discovers the provider with {@code
 * ServiceLoader} through the modules' {@code uses} and {@code provides}, then places a call with it
 * against the vendor's simulator.
 */
class ModulePathTest {
  /** What the application's run needs: Switchboard's modules and their dependencies' jars. */
  private static final List<String> NEEDED =
      List.of(
          "/core/target/",
          "/provider-support/target/",
          "/provider-xoxzo/target/",
          "okhttp",
          "okio",
          "kotlin-stdlib",
          "jackson",
          "slf4j-api");

  private static final String MODULE_INFO =
      """
      module demo.app {
        requires dev.switchboard;
        requires dev.switchboard.xoxzo;
      }
      """;

  private static final String MAIN =
      """
      package demo;

      import dev.switchboard.Call;
      import dev.switchboard.Switchboard;
      import dev.switchboard.SwitchboardConfig;
      import dev.switchboard.VoiceClient;
      import dev.switchboard.flow.CallFlow;
      import dev.switchboard.spi.VoiceProvider;
      import java.util.Map;

      public class Main {
        public static void main(String[] args) {
          for (VoiceProvider provider : Switchboard.providers()) {
            System.out.println("found " + provider.id() + " in " + provider.getClass().getModule());
          }
          SwitchboardConfig config =
              SwitchboardConfig.of(
                  Map.of(
                      "switchboard.provider", "xoxzo",
                      "switchboard.xoxzo.sid", args[0],
                      "switchboard.xoxzo.auth-token", args[1],
                      "switchboard.xoxzo.base-url", args[2]));
          try (VoiceClient voice = Switchboard.connect(config)) {
            Call call =
                voice.placeCall(
                    "+818012345678",
                    "+818011112222",
                    CallFlow.builder().play("http://www.mysite.com/123.mp3").build());
            System.out.println("placed " + call.id() + " on " + call.providerId());
          }
          System.out.println("core in " + Switchboard.class.getModule());
        }
      }
      """;

  @TempDir Path dir;

  @Test
  @DisplayName("A modular application discovers the provider and places a call on the module path")
  void modularApplication() throws Exception {
    String modulePath =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                entry ->
                    NEEDED.stream().anyMatch(needed -> entry.replace('\\', '/').contains(needed)))
            .collect(Collectors.joining(File.pathSeparator));
    Path sources = dir.resolve("src");
    Files.createDirectories(sources.resolve("demo"));
    Files.writeString(sources.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(sources.resolve("demo/Main.java"), MAIN);
    Path classes = dir.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled =
        javac.run(
            null,
            null,
            null,
            "--module-path",
            modulePath,
            "-d",
            classes.toString(),
            sources.resolve("module-info.java").toString(),
            sources.resolve("demo/Main.java").toString());
    assertThat(compiled).as("javac exit code").isZero();

    var factory = Simulators.forProvider("xoxzo").orElseThrow();
    try (VendorSimulator simulator = factory.create().start()) {
      Map<String, String> config = factory.config(simulator.baseUrl());
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "--module-path",
              classes + File.pathSeparator + modulePath,
              "--module",
              "demo.app/demo.Main",
              config.get("switchboard.xoxzo.sid"),
              config.get("switchboard.xoxzo.auth-token"),
              config.get("switchboard.xoxzo.base-url")));
      Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the application ends").isTrue();
      String out = output(run);
      assertThat(run.exitValue()).as(out).isZero();
      assertThat(out)
          .contains("found xoxzo in module dev.switchboard.xoxzo")
          .containsPattern("placed \\S+ on xoxzo")
          .contains("core in module dev.switchboard");
    }
  }

  private static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
