package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAttribute;

/** Mutes or unmutes a conference or one participant. */
public final class VoxSetMute {
  @XmlAttribute public Boolean muted;
}
