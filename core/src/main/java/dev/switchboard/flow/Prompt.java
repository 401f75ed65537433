package dev.switchboard.flow;

/**
 * A verb that only plays something to the caller. Only prompts may stand inside a {@link Gather},
 * {@link Record}, {@link RecordCall} or {@link Hangup}, since those verbs play them while they wait
 * or before they act.
 */
public sealed interface Prompt extends Verb permits Say, Play, Pause {}
