package dev.switchboard.voxtelesys.internal.voxxml;

/** The {@code Hangup} command; it has no attributes. */
public final class VoxHangup {}
