package dev.switchboard.voxtelesys.internal.voxxml;

/** The {@code Reject} command; it has no attributes. */
public final class VoxReject {}
