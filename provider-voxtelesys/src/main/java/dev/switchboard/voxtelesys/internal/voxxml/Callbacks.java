package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/** The three callback attributes shared by Conference, Dial, Gather and Number. */
@XmlTransient
public abstract class Callbacks {
  /** Space-separated event keywords, e.g. {@code ringing answered}. */
  @XmlAttribute public String statusCallbackEvent;

  @XmlAttribute public String statusCallback;

  /** {@code GET} or {@code POST}. */
  @XmlAttribute public String statusCallbackMethod;
}
