package dev.switchboard.voxtelesys.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class XmlAssertTest {
  @Test
  @DisplayName("Documents equal but for attribute order and whitespace compare equal")
  void equal() {
    XmlAssert.assertSameXml("<A x='1' y='2'> <B/> </A>", "<A y=\"2\" x=\"1\"><B/></A>");
  }

  @Test
  @DisplayName("Every difference is listed: a missing attribute and a changed text")
  void differences() {
    assertThatThrownBy(() -> XmlAssert.assertSameXml("<A x='1'><B>hi</B></A>", "<A><B>ho</B></A>"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("3 place(s)")
        .hasMessageContaining("Expected attribute name")
        .hasMessageContaining("Expected text value");
  }
}
