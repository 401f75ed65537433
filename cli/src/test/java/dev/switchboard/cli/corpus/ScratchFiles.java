package dev.switchboard.cli.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The files the cases hand to the command line and the library, in a directory of their own. */
final class ScratchFiles {
  private final Path dir;
  private final AtomicInteger count = new AtomicInteger();

  ScratchFiles(Path dir) {
    this.dir = dir;
  }

  /** A new path in the directory, unique, ending in {@code suffix}. */
  Path path(String suffix) {
    return dir.resolve(String.format("case-%04d%s", count.incrementAndGet(), suffix));
  }

  /** A file holding exactly {@code content}. */
  Path bytes(String suffix, byte[] content) {
    Path file = path(suffix);
    try {
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file holding {@code content} in UTF-8. */
  Path text(String suffix, String content) {
    return bytes(suffix, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A properties file with these entries, as {@code Properties.load} reads them back: line breaks,
   * controls, backslashes and the characters that end a key escaped, anything else in UTF-8.
   */
  Path properties(Map<String, String> entries) {
    StringBuilder out = new StringBuilder("# written by the bad-input corpus\n");
    entries.forEach((k, v) -> out.append(escape(k)).append('=').append(escape(v)).append('\n'));
    return text(".properties", out.toString());
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || (i == 0 && c == ' ')) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A new, empty directory. */
  Path directory() {
    try {
      return Files.createDirectory(path(".d"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A named pipe no one writes to: reading it would wait for ever. */
  Path fifo() {
    Path fifo = path(".fifo");
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
      if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
        throw new IllegalStateException("mkfifo failed for " + fifo);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return fifo;
  }
}
