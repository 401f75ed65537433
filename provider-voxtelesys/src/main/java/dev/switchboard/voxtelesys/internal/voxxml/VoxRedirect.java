package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/** Fetches VoxXML from a URL and runs it instead of the rest. */
public final class VoxRedirect {
  /** {@code GET} or {@code POST}. */
  @XmlAttribute public String method;

  @XmlValue public String url;
}
