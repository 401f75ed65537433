package dev.switchboard.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.InvalidInputException;
import dev.switchboard.provider.support.CallbackFields.Part;
import dev.switchboard.webhook.WebhookRequest;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CallbackFieldsTest {
  private static WebhookRequest post(String query, String contentType, String body) {
    return WebhookRequest.builder()
        .method("POST")
        .uri("/cb" + query)
        .body(contentType, body)
        .build();
  }

  @Test
  @DisplayName("Later parts win: the form over the query, a JSON body over both")
  void laterPartsWin() {
    WebhookRequest form = post("?a=query&b=query", "application/x-www-form-urlencoded", "b=form");
    assertThat(CallbackFields.read(form, "Zed", Part.QUERY, Part.FORM, Part.JSON))
        .containsExactly(Map.entry("a", "query"), Map.entry("b", "form"));

    WebhookRequest json = post("?a=query&b=query", "application/json", "{\"b\":\"json\"}");
    assertThat(CallbackFields.read(json, "Zed", Part.QUERY, Part.FORM, Part.JSON))
        .containsExactly(Map.entry("a", "query"), Map.entry("b", "json"));
  }

  @Test
  @DisplayName("Only the named parts are read")
  void onlyNamedParts() {
    WebhookRequest form = post("?a=query", "application/x-www-form-urlencoded", "b=form");
    assertThat(CallbackFields.read(form, "Zed", Part.FORM)).containsExactly(Map.entry("b", "form"));
    assertThat(CallbackFields.read(form, "Zed", Part.QUERY))
        .containsExactly(Map.entry("a", "query"));
    assertThat(CallbackFields.read(form, "Zed")).isEmpty();
  }

  @Test
  @DisplayName("Nested objects get dotted names, arrays join with commas, nulls are left out")
  void flattening() {
    WebhookRequest json =
        post(
            "",
            "application/json",
            "{\"caller\":{\"number\":\"+6591234567\",\"name\":null},"
                + "\"tags\":[\"a\",\"b\"],\"count\":3,\"done\":true}");
    assertThat(CallbackFields.read(json, "Zed", Part.JSON))
        .containsExactly(
            Map.entry("caller.number", "+6591234567"),
            Map.entry("tags", "a,b"),
            Map.entry("count", "3"),
            Map.entry("done", "true"));
  }

  @Test
  @DisplayName("A body not declared as JSON is read as JSON only where the vendor always posts it")
  void declaredOrAlways() {
    WebhookRequest text = post("", "text/plain", "{\"a\":\"1\"}");
    assertThat(CallbackFields.read(text, "Zed", Part.JSON)).isEmpty();
    assertThat(CallbackFields.read(text, "Zed", Part.JSON_ALWAYS))
        .containsExactly(Map.entry("a", "1"));
  }

  @ParameterizedTest(name = "body [{0}]")
  @ValueSource(strings = {"[1,2]", "\"text\"", "null", "{\"a\":", "", "not json"})
  @DisplayName("A JSON body that is not an object is refused, naming the body and the vendor")
  void notAnObject(String body) {
    WebhookRequest json = post("", "application/json", body);
    assertThatThrownBy(() -> CallbackFields.read(json, "Zed", Part.JSON))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations()).allSatisfy(v -> assertThat(v.field()).isEqualTo("body")))
        .hasMessageContaining("a Zed callback must be a JSON object");
  }

  /**
   * Bodies of strings are read without a tree; every other body goes to the tree. Either way the
   * fields must be what the tree's rules give, and a body the tree refuses must be refused.
   */
  @ParameterizedTest(name = "body [{0}]")
  @ValueSource(
      strings = {
        "{\"a\":\"1\",\"b\":\"2\"}",
        "{}",
        " { \"a\" : \"1\" } ",
        "{\"a\":\"x\\u00e9\\n\\\"q\\\"\",\"name\":\"Zo\u00eb \u65e5\u672c\"}",
        "{\"a\":\"1\",\"a\":\"2\"}",
        "{\"a\":\"1\",\"n\":2}",
        "{\"a\":\"1\",\"c\":{\"b\":\"c\"},\"c\":{\"d\":\"e\"}}",
        "{\"a\":\"1\",\"z\":null}",
        "{\"a\":\"1\"} {\"b\":\"2\"}",
        "{\"a\":\"1\"}x",
        "{\"a\":\"1\"}]",
        "{\"a\":\"1\",}",
        "{\"a\":\"1\"",
        "{\"a\":\"1\",\"b\":}"
      })
  @DisplayName("A body read without a tree gives the tree's fields, and is refused where it is")
  void fastPathMatchesTree(String body) {
    WebhookRequest json = post("", "application/json", body);
    Map<String, String> byTree;
    try {
      JsonNode tree = JsonMapper.builder().build().readTree(body);
      byTree = tree != null && tree.isObject() ? CallbackFields.flatten(tree) : null;
    } catch (JacksonException e) {
      byTree = null;
    }
    if (byTree == null) {
      assertThatThrownBy(() -> CallbackFields.read(json, "Zed", Part.JSON))
          .isInstanceOf(InvalidInputException.class);
    } else {
      assertThat(CallbackFields.read(json, "Zed", Part.JSON)).containsExactlyEntriesOf(byTree);
    }
  }
}
