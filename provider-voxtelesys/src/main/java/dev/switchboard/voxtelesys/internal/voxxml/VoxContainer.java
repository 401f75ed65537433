package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.ArrayList;
import java.util.List;

/** An element holding a sequence of commands: {@code Response} and {@code If}. */
@XmlTransient
public abstract class VoxContainer {
  @XmlElements({
    @XmlElement(name = "Conference", type = VoxConference.class),
    @XmlElement(name = "Dial", type = VoxDial.class),
    @XmlElement(name = "Gather", type = VoxGather.class),
    @XmlElement(name = "Hangup", type = VoxHangup.class),
    @XmlElement(name = "If", type = VoxIf.class),
    @XmlElement(name = "Number", type = VoxNumber.class),
    @XmlElement(name = "Pause", type = VoxPause.class),
    @XmlElement(name = "Play", type = VoxPlay.class),
    @XmlElement(name = "Redirect", type = VoxRedirect.class),
    @XmlElement(name = "Reject", type = VoxReject.class),
    @XmlElement(name = "Say", type = VoxSay.class),
    @XmlElement(name = "SetMute", type = VoxSetMute.class)
  })
  private final List<Object> commands = new ArrayList<>();

  /** The commands, in order; add to it to build a document. */
  public List<Object> commands() {
    return commands;
  }
}
