package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** Sends the call to a conference room. */
@XmlRootElement(name = "Conference")
public final class VoxConference extends Callbacks {
  @XmlAttribute public Boolean muted;

  /** {@code true}, {@code false}, {@code onEnter} or {@code onExit}. */
  @XmlAttribute public String beep;

  @XmlAttribute public Boolean startConferenceOnEnter;
  @XmlAttribute public Boolean endConferenceOnExit;
  @XmlAttribute public String participantLabel;

  /** The room's name. */
  @XmlValue public String name;
}
