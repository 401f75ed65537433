package dev.switchboard.voxtelesys.internal;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.Difference;

/**
 * Compares XML documents by meaning (whitespace and attribute order aside), listing every
 * difference.
 */
final class XmlAssert {
  private XmlAssert() {}

  static void assertSameXml(String expected, String actual) {
    Diff diff =
        DiffBuilder.compare(expected)
            .withTest(actual)
            .ignoreWhitespace()
            .ignoreComments()
            .checkForSimilar()
            .build();
    if (diff.hasDifferences()) {
      List<String> lines = new ArrayList<>();
      for (Difference d : diff.getDifferences()) {
        lines.add("- " + d.getComparison().toString());
      }
      fail(
          "VoxXML differs in "
              + lines.size()
              + " place(s):\n"
              + String.join("\n", lines)
              + "\nexpected:\n"
              + expected
              + "\nactual:\n"
              + actual);
    }
  }
}
