package dev.switchboard.voxtelesys.internal.voxxml;

import jakarta.xml.bind.annotation.XmlRootElement;

/** The root of every VoxXML document. */
@XmlRootElement(name = "Response")
public final class VoxResponse extends VoxContainer {}
