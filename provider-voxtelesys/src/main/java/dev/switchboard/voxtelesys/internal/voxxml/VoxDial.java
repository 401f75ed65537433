package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlMixed;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls another resource: a literal number as text, Number children rung in parallel (the first to
 * answer wins), or a single Conference.
 */
public final class VoxDial extends Callbacks {
  @XmlAttribute public String callerId;

  @XmlMixed
  @XmlElementRefs({
    @XmlElementRef(type = VoxNumber.class),
    @XmlElementRef(type = VoxConference.class)
  })
  private final List<Object> content = new ArrayList<>();

  /** Text (a literal number) and Number or Conference elements. */
  public List<Object> content() {
    return content;
  }
}
