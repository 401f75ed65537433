package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import java.util.ArrayList;
import java.util.List;

/** Collects input into {@code $GATHER} while playing its Say and Play children. */
public final class VoxGather extends Callbacks {
  @XmlAttribute public Integer repeatDelay;
  @XmlAttribute public Integer timeout;
  @XmlAttribute public Integer speechTimeout;
  @XmlAttribute public Integer loop;
  @XmlAttribute public Integer numDigits;
  @XmlAttribute public String finishOnKey;
  @XmlAttribute public String language;

  /** {@code dtmf}, {@code speech} or {@code dtmf speech}. */
  @XmlAttribute public String input;

  @XmlElements({
    @XmlElement(name = "Say", type = VoxSay.class),
    @XmlElement(name = "Play", type = VoxPlay.class)
  })
  private final List<Object> prompts = new ArrayList<>();

  public List<Object> prompts() {
    return prompts;
  }
}
