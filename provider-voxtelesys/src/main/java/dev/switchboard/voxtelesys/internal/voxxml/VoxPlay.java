package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/** Plays an audio file from an http or https URL. */
public final class VoxPlay {
  @XmlAttribute public Integer loop;
  @XmlAttribute public Integer repeatDelay;
  @XmlValue public String url;
}
