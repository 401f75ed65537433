package dev.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WebhookRequest")
class WebhookRequestTest {
  @Test
  @DisplayName("Header names differing only in case are one header, its values in the order added")
  void headerNamesIgnoreCase() {
    WebhookRequest request =
        WebhookRequest.builder()
            .uri("/hook")
            .header("X-Twice", "1")
            .headers(Map.of("x-twice", List.of("2", "3")))
            .header("X-TWICE", "4")
            .build();

    assertThat(request.headers()).hasSize(1);
    assertThat(request.headers().get("x-twice")).containsExactly("1", "2", "3", "4");
    assertThat(request.header("X-TWICE")).contains("1");
  }

  @Test
  @DisplayName("A built request keeps its headers when the builder or the caller's lists change")
  void builtHeadersNeverChange() {
    List<String> callers = new ArrayList<>(List.of("a"));
    WebhookRequest.Builder builder =
        WebhookRequest.builder().uri("/hook").headers(Map.of("X-Id", callers));
    WebhookRequest first = builder.build();

    callers.add("b");
    builder.header("X-Id", "c").header("X-Other", "d");
    WebhookRequest second = builder.build();

    assertThat(first.headers()).containsOnlyKeys("X-Id");
    assertThat(first.headers().get("X-Id")).containsExactly("a");
    assertThat(second.headers().get("X-Id")).containsExactly("a", "c");
    assertThat(second.headers().get("X-Other")).containsExactly("d");
    assertThatThrownBy(() -> first.headers().get("X-Id").add("e"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
