package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAttribute;

/** Runs its commands when {@code variable} compares as {@code test} says with {@code value}. */
public final class VoxIf extends VoxContainer {
  @XmlAttribute public String variable;

  /** {@code EQUAL} or {@code NOTEQUAL}. */
  @XmlAttribute public String test;

  /** One or more values separated by {@code |}. */
  @XmlAttribute public String value;
}
