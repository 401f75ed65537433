package dev.switchboard.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.flow.Verb;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("VerbType")
class VerbTypeTest {

  /** Every concrete verb type, found through the sealed hierarchy. */
  private static Stream<Class<?>> concreteVerbTypes(Class<?> type) {
    return type.isSealed()
        ? Arrays.stream(type.getPermittedSubclasses()).flatMap(VerbTypeTest::concreteVerbTypes)
        : Stream.of(type);
  }

  @Test
  @DisplayName("Flow files know every verb of the sealed hierarchy, in the hierarchy's order")
  void everyVerb() {
    List<Class<?>> known = VerbType.ALL.stream().<Class<?>>map(VerbType::type).toList();

    assertThat(known).isEqualTo(concreteVerbTypes(Verb.class).toList());
  }

  @Test
  @DisplayName("A verb is named in flow files as the model names it")
  void names() {
    for (VerbType type : VerbType.ALL) {
      assertThat(VerbType.named(type.name())).isSameAs(type);
      assertThat(VerbType.of(type.type())).isSameAs(type);
    }
  }
}
