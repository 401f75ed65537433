package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAttribute;

/** Pauses 1 to 60 seconds. */
public final class VoxPause {
  @XmlAttribute public Integer length;
}
