package dev.switchboard.cli;

import java.util.ArrayList;
import java.util.List;

/** Text laid out in side-by-side columns, each with a heading; long lines wrap. */
final class Columns {
  static final int MAX_WIDTH = 44;

  private Columns() {}

  /** Lays out the columns; lines wider than {@link #MAX_WIDTH} wrap onto indented lines. */
  static String layout(List<String> headings, List<List<String>> columns) {
    List<List<String>> wrapped = new ArrayList<>();
    for (List<String> column : columns) {
      wrapped.add(wrap(column));
    }
    int[] widths = new int[headings.size()];
    int rows = 0;
    for (int c = 0; c < headings.size(); c++) {
      widths[c] = headings.get(c).length();
      for (String line : wrapped.get(c)) {
        widths[c] = Math.max(widths[c], line.length());
      }
      rows = Math.max(rows, wrapped.get(c).size());
    }
    List<String> lines = new ArrayList<>();
    lines.add(row(headings, widths));
    List<String> rules = new ArrayList<>();
    for (int width : widths) {
      rules.add("-".repeat(width));
    }
    lines.add(row(rules, widths));
    for (int r = 0; r < rows; r++) {
      List<String> cells = new ArrayList<>();
      for (List<String> column : wrapped) {
        cells.add(r < column.size() ? column.get(r) : "");
      }
      lines.add(row(cells, widths));
    }
    return String.join("\n", lines) + "\n";
  }

  private static List<String> wrap(List<String> column) {
    List<String> out = new ArrayList<>();
    for (String line : column) {
      String rest = line;
      String indent = "";
      while (rest.length() > MAX_WIDTH - indent.length()) {
        int cut = rest.lastIndexOf(' ', MAX_WIDTH - indent.length());
        if (cut <= 0) {
          cut = MAX_WIDTH - indent.length();
        }
        out.add(indent + rest.substring(0, cut));
        rest = rest.substring(cut).stripLeading();
        indent = "    ";
      }
      out.add(indent + rest);
    }
    return out;
  }

  private static String row(List<String> cells, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      out.append(c == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[c] - cell.length()));
    }
    return out.toString().stripTrailing();
  }
}
