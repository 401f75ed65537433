package dev.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.discovery.AlphaImpostorProvider;
import dev.switchboard.discovery.AlphaProvider;
import dev.switchboard.discovery.BetaProvider;
import dev.switchboard.discovery.ExplodingConstructorProvider;
import dev.switchboard.discovery.ExplodingIdProvider;
import dev.switchboard.discovery.NoDefaultConstructorProvider;
import dev.switchboard.discovery.NotAProvider;
import dev.switchboard.spi.VoiceProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Discovery through {@link java.util.ServiceLoader} on real class paths: each test builds a {@link
 * URLClassLoader} over directories that hold nothing but a {@code META-INF/services} file, the way
 * a provider jar would. The provider classes themselves come from the test class path, which
 * registers none (checked below), so the only registrations a test sees are its own.
 */
@DisplayName("Provider discovery")
class DiscoveryTest {
  private static final String SERVICES_FILE = "META-INF/services/" + VoiceProvider.class.getName();
  private static final String ALPHA = AlphaProvider.class.getName();
  private static final String BETA = BetaProvider.class.getName();
  private static final String IMPOSTOR = AlphaImpostorProvider.class.getName();

  /** The ways a registered provider can fail to load, each with what its failure must mention. */
  enum Broken {
    CONSTRUCTOR_THROWS(
        ExplodingConstructorProvider.class.getName(), ExplodingConstructorProvider.FAILURE),
    ID_THROWS(ExplodingIdProvider.class.getName(), ExplodingIdProvider.FAILURE),
    CLASS_MISSING("dev.switchboard.discovery.NoSuchProvider", "not found"),
    NOT_A_PROVIDER(NotAProvider.class.getName(), "not a subtype"),
    NO_DEFAULT_CONSTRUCTOR(NoDefaultConstructorProvider.class.getName(), "constructor");

    final String className;
    final String reason;

    Broken(String className, String reason) {
      this.className = className;
      this.reason = reason;
    }
  }

  @TempDir Path temp;

  private final List<URLClassLoader> loaders = new ArrayList<>();
  private int jars;

  @AfterEach
  void closeLoaders() throws IOException {
    for (URLClassLoader loader : loaders) {
      loader.close();
    }
  }

  /** A directory that registers {@code classNames} as providers, as one provider jar would. */
  private Path jar(String... lines) throws IOException {
    Path root = temp.resolve("jar-" + ++jars);
    Path services = root.resolve(SERVICES_FILE);
    Files.createDirectories(services.getParent());
    Files.write(services, Arrays.asList(lines), StandardCharsets.UTF_8);
    return root;
  }

  /** A class loader over {@code jars}, in that order, above the test's own class path. */
  private ClassLoader classPath(Path... jars) throws IOException {
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      urls[i] = jars[i].toUri().toURL();
    }
    URLClassLoader loader = new URLClassLoader(urls, DiscoveryTest.class.getClassLoader());
    loaders.add(loader);
    return loader;
  }

  /** A class loader over one directory registering {@code classNames}. */
  private ClassLoader registering(String... classNames) throws IOException {
    return classPath(jar(classNames));
  }

  private static VoiceClient connect(ClassLoader loader, SwitchboardConfig config) {
    return Switchboard.builder().classLoader(loader).config(config).build();
  }

  private static VoiceClient connect(ClassLoader loader) {
    return connect(loader, SwitchboardConfig.empty());
  }

  /** Asserts that naming the provider in the configuration and to the builder both pick it. */
  private static void assertChosenByName(
      ClassLoader loader, String configName, String builderName, String expectedId) {
    try (VoiceClient byConfig = connect(loader, naming(configName));
        VoiceClient byBuilder =
            Switchboard.builder()
                .classLoader(loader)
                .config(SwitchboardConfig.empty())
                .provider(builderName)
                .build()) {
      assertThat(byConfig.providerId()).isEqualTo(expectedId);
      assertThat(byBuilder.providerId()).isEqualTo(expectedId);
    }
  }

  private static SwitchboardConfig naming(String provider) {
    return SwitchboardConfig.empty().with(SwitchboardConfig.PROVIDER, provider);
  }

  private static List<Class<?>> classesOf(List<VoiceProvider> providers) {
    List<Class<?>> classes = new ArrayList<>();
    providers.forEach(p -> classes.add(p.getClass()));
    return classes;
  }

  @Nested
  @DisplayName("The test class path")
  class TestClassPath {
    @Test
    @DisplayName("registers no provider of its own, so every registration a test sees is its own")
    void registersNoProvider() throws IOException {
      assertThat(Collections.list(DiscoveryTest.class.getClassLoader().getResources(SERVICES_FILE)))
          .isEmpty();
      assertThat(Switchboard.providers()).isEmpty();
    }

    @Test
    @DisplayName("is seen through a test's class loader, which adds its own registrations to it")
    void testLoadersAddTheirOwnRegistrations() throws IOException {
      ClassLoader loader = registering(ALPHA);

      assertThat(Collections.list(loader.getResources(SERVICES_FILE))).hasSize(1);
      assertThat(classesOf(Switchboard.providers(loader))).containsExactly(AlphaProvider.class);
    }
  }

  @Nested
  @DisplayName("With no provider on the class path")
  class NoProvider {
    @Test
    @DisplayName("connecting fails saying none was found and naming a provider artifact to add")
    void noneFound() throws IOException {
      ClassLoader loader = classPath();

      ProviderNotFoundException e =
          catchThrowableOfType(ProviderNotFoundException.class, () -> connect(loader));

      assertThat(e).isNotNull();
      assertThat(e.getMessage())
          .contains("No provider was found on the class path")
          .contains("Add one provider jar")
          .contains("dev.switchboard:switchboard-provider-voxtelesys")
          .doesNotContain("failed to load");
    }

    @Test
    @DisplayName("a services file holding only comments and blank lines registers nothing")
    void commentsOnly() throws IOException {
      ClassLoader loader = registering("# no provider here", "", "   ");

      assertThat(Switchboard.providers(loader)).isEmpty();
      assertThat(catchThrowableOfType(ProviderNotFoundException.class, () -> connect(loader)))
          .hasMessageContaining("No provider was found on the class path");
    }

    @Test
    @DisplayName("naming a provider fails saying that no provider at all was found")
    void namedButNoneFound() throws IOException {
      ClassLoader loader = classPath();

      ProviderNotFoundException e =
          catchThrowableOfType(
              ProviderNotFoundException.class, () -> connect(loader, naming("alpha")));

      assertThat(e.getMessage())
          .contains("'alpha'")
          .contains("No provider was found on the class path")
          .contains("switchboard-provider-voxtelesys");
    }
  }

  @Nested
  @DisplayName("With one provider on the class path")
  class OneProvider {
    @Test
    @DisplayName("connecting without a name uses that provider")
    void usedWithoutName() throws IOException {
      try (VoiceClient client = connect(registering(ALPHA))) {
        assertThat(client.providerId()).isEqualTo("alpha");
      }
    }

    @Test
    @DisplayName("connecting with its name, in any case, uses that provider")
    void usedByName() throws IOException {
      ClassLoader loader = registering(ALPHA);

      assertChosenByName(loader, "ALPHA", "Alpha", "alpha");
    }

    @Test
    @DisplayName("connecting with another name fails, listing the provider that was found")
    void otherNameFails() throws IOException {
      ClassLoader loader = registering(ALPHA);

      ProviderNotFoundException e =
          catchThrowableOfType(
              ProviderNotFoundException.class, () -> connect(loader, naming("hoiio")));

      assertThat(e.getMessage()).contains("'hoiio'").contains("Found: alpha;");
    }
  }

  @Nested
  @DisplayName("With several providers on the class path")
  class SeveralProviders {
    @Test
    @DisplayName(
        "connecting without a name fails, listing each id and class and how to choose by key or"
            + " environment variable")
    void ambiguousWithoutName() throws IOException {
      ClassLoader loader = classPath(jar(ALPHA), jar(BETA));

      AmbiguousProviderException e =
          catchThrowableOfType(AmbiguousProviderException.class, () -> connect(loader));

      assertThat(e).isNotNull();
      assertThat(e.getMessage())
          .contains("alpha (" + ALPHA + ")")
          .contains("beta (" + BETA + ")")
          .contains("switchboard.provider")
          .contains("SWITCHBOARD_PROVIDER")
          .doesNotContain("failed to load");
    }

    @Test
    @DisplayName("Switchboard.providers lists them all in class-path order")
    void listedInOrder() throws IOException {
      assertThat(classesOf(Switchboard.providers(classPath(jar(BETA), jar(ALPHA)))))
          .containsExactly(BetaProvider.class, AlphaProvider.class);
      assertThat(classesOf(Switchboard.providers(registering(ALPHA, BETA))))
          .containsExactly(AlphaProvider.class, BetaProvider.class);
    }

    @Test
    @DisplayName("the name in switchboard.provider picks the right one")
    void nameInConfigPicks() throws IOException {
      ClassLoader loader = registering(ALPHA, BETA);

      try (VoiceClient alpha = connect(loader, naming("alpha"));
          VoiceClient beta = connect(loader, naming("beta"))) {
        assertThat(alpha.providerId()).isEqualTo("alpha");
        assertThat(beta.providerId()).isEqualTo("beta");
      }
    }

    @Test
    @DisplayName("the name matches whatever its case, in the configuration or given to the builder")
    void nameIsCaseInsensitive() throws IOException {
      ClassLoader loader = registering(ALPHA, BETA);

      assertChosenByName(loader, "BeTa", "BETA", "beta");
    }

    @Test
    @DisplayName("the SWITCHBOARD_PROVIDER environment variable picks the right one")
    void environmentPicks() throws IOException {
      SwitchboardConfig env =
          SwitchboardConfig.fromEnvironment(Map.of("SWITCHBOARD_PROVIDER", "beta"));

      try (VoiceClient client = connect(registering(ALPHA, BETA), env)) {
        assertThat(client.providerId()).isEqualTo("beta");
      }
    }

    @Test
    @DisplayName("a name given to the builder wins over the one in the configuration")
    void builderNameWins() throws IOException {
      try (VoiceClient client =
          Switchboard.builder()
              .classLoader(registering(ALPHA, BETA))
              .config(naming("alpha"))
              .provider("beta")
              .build()) {
        assertThat(client.providerId()).isEqualTo("beta");
      }
    }

    @Test
    @DisplayName("an unknown name fails, naming it and listing every known id")
    void unknownName() throws IOException {
      ClassLoader loader = classPath(jar(ALPHA), jar(BETA));

      ProviderNotFoundException e =
          catchThrowableOfType(
              ProviderNotFoundException.class, () -> connect(loader, naming("xoxzo")));

      assertThat(e).isNotNull();
      assertThat(e.getMessage())
          .contains("'xoxzo'")
          .contains("switchboard.provider")
          .contains("Found: alpha, beta;");
    }

    @Test
    @DisplayName("two providers claiming the chosen id fail as ambiguous, naming both classes")
    void duplicateIdChosen() throws IOException {
      ClassLoader loader = classPath(jar(ALPHA, BETA), jar(IMPOSTOR));

      AmbiguousProviderException e =
          catchThrowableOfType(
              AmbiguousProviderException.class, () -> connect(loader, naming("alpha")));

      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("'alpha'").contains(ALPHA).contains(IMPOSTOR);
    }

    @Test
    @DisplayName("two providers claiming one id do not stop a third from being chosen by its name")
    void duplicateIdNotChosen() throws IOException {
      try (VoiceClient client =
          connect(classPath(jar(ALPHA, BETA), jar(IMPOSTOR)), naming("beta"))) {
        assertThat(client.providerId()).isEqualTo("beta");
      }
    }

    @Test
    @DisplayName("a class registered twice on the class path counts once")
    void sameClassTwice() throws IOException {
      ClassLoader loader = classPath(jar(ALPHA), jar(ALPHA));

      assertThat(classesOf(Switchboard.providers(loader))).containsExactly(AlphaProvider.class);
      try (VoiceClient client = connect(loader)) {
        assertThat(client.providerId()).isEqualTo("alpha");
      }
    }
  }

  @Nested
  @DisplayName("With a provider that fails to load")
  class BrokenProvider {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Broken.class)
    @DisplayName("a good provider registered after it in the same file is still used")
    void goodOneAfterItIsUsed(Broken broken) throws IOException {
      ClassLoader loader = registering(broken.className, ALPHA);

      assertThat(classesOf(Switchboard.providers(loader))).containsExactly(AlphaProvider.class);
      try (VoiceClient client = connect(loader)) {
        assertThat(client.providerId()).isEqualTo("alpha");
      }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Broken.class)
    @DisplayName("a good provider registered before it, in another jar, is still used")
    void goodOneBeforeItIsUsed(Broken broken) throws IOException {
      ClassLoader loader = classPath(jar(ALPHA), jar(broken.className));

      assertThat(classesOf(Switchboard.providers(loader))).containsExactly(AlphaProvider.class);
      try (VoiceClient client = connect(loader, naming("alpha"))) {
        assertThat(client.providerId()).isEqualTo("alpha");
      }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Broken.class)
    @DisplayName("an unknown name fails listing the good providers and the failure with its class")
    void failureInUnknownNameMessage(Broken broken) throws IOException {
      ClassLoader loader = registering(broken.className, ALPHA);

      ProviderNotFoundException e =
          catchThrowableOfType(
              ProviderNotFoundException.class, () -> connect(loader, naming("nobody")));

      assertThat(e).isNotNull();
      assertThat(e.getMessage())
          .contains("Found: alpha;")
          .contains("1 failed to load")
          .contains(broken.className)
          .contains(broken.reason);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Broken.class)
    @DisplayName("with no good provider, the not-found message reports the failure with its class")
    void failureInNoneFoundMessage(Broken broken) throws IOException {
      ClassLoader loader = registering(broken.className);

      assertThat(Switchboard.providers(loader)).isEmpty();
      ProviderNotFoundException e =
          catchThrowableOfType(ProviderNotFoundException.class, () -> connect(loader));

      assertThat(e).isNotNull();
      assertThat(e.getMessage())
          .contains("No provider was found on the class path")
          .contains("1 failed to load")
          .contains(broken.className)
          .contains(broken.reason);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Broken.class)
    @DisplayName("with two good providers and no name, the ambiguity message reports the failure")
    void failureInAmbiguousMessage(Broken broken) throws IOException {
      ClassLoader loader = registering(ALPHA, broken.className, BETA);

      AmbiguousProviderException e =
          catchThrowableOfType(AmbiguousProviderException.class, () -> connect(loader));

      assertThat(e).isNotNull();
      assertThat(e.getMessage())
          .contains("alpha (" + ALPHA + ")")
          .contains("beta (" + BETA + ")")
          .contains("1 failed to load")
          .contains(broken.className)
          .contains(broken.reason);
    }

    @Test
    @DisplayName("every kind of failure at once leaves the good providers found and each reported")
    void allFailuresAtOnce() throws IOException {
      List<String> lines = new ArrayList<>();
      for (Broken broken : Broken.values()) {
        lines.add(broken.className);
      }
      lines.add(2, ALPHA);
      ClassLoader loader = classPath(jar(lines.toArray(String[]::new)), jar(BETA));

      assertThat(classesOf(Switchboard.providers(loader)))
          .containsExactly(AlphaProvider.class, BetaProvider.class);
      ProviderNotFoundException e =
          catchThrowableOfType(
              ProviderNotFoundException.class, () -> connect(loader, naming("nobody")));
      assertThat(e.getMessage())
          .contains("Found: alpha, beta;")
          .contains(Broken.values().length + " failed to load");
      for (Broken broken : Broken.values()) {
        assertThat(e.getMessage()).contains(broken.className).contains(broken.reason);
      }
      try (VoiceClient client = connect(loader, naming("beta"))) {
        assertThat(client.providerId()).isEqualTo("beta");
      }
    }
  }
}
