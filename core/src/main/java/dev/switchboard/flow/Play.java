package dev.switchboard.flow;

import dev.switchboard.internal.Checks;
import java.net.URI;

/**
 * Plays an audio file fetched from an http or https URL.
 *
 * @param url where the audio is; absolute http or https
 * @param loop how many times to play it, 1 to {@value Say#MAX_LOOP}
 */
public record Play(URI url, int loop) implements Prompt {
  public Play {
    Checks.httpUrl(url, "play.url");
    Checks.range(loop, 1, Say.MAX_LOOP, "play.loop");
  }

  /** Plays the file at {@code url} once. */
  public static Play of(String url) {
    return new Play(Checks.httpUrl(url, "play.url"), Say.DEFAULT_LOOP);
  }

  /** Plays the file at {@code url} {@code loop} times. */
  public static Play of(String url, int loop) {
    return new Play(Checks.httpUrl(url, "play.url"), loop);
  }

  @Override
  public String name() {
    return "play";
  }

  @Override
  public <R> R accept(VerbVisitor<R> visitor) {
    return visitor.play(this);
  }
}
