package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/** Text-to-speech with an Amazon Polly standard voice. */
public final class VoxSay {
  @XmlAttribute public Integer loop;
  @XmlAttribute public Integer repeatDelay;
  @XmlAttribute public String voice;
  @XmlAttribute public String language;
  @XmlAttribute public Boolean separateNumbers;
  @XmlValue public String text;
}
