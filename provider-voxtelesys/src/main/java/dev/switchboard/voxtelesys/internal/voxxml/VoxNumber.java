package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** Dials a number, alone or inside a Dial. */
@XmlRootElement(name = "Number")
public final class VoxNumber extends Callbacks {
  @XmlAttribute public String callerId;

  /** E.164 digits without {@code +}. */
  @XmlValue public String number;
}
