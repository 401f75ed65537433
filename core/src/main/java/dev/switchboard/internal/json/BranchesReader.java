package dev.switchboard.internal.json;

import dev.switchboard.flow.Branch;
import dev.switchboard.flow.Verb;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a gather's branches: an object from each branch's key, such as {@code "1|english"}, to its
 * list of verbs, in the order of the file.
 */
final class BranchesReader extends ValueDeserializer<List<Branch>> {
  private static final String MUST_BE =
      "an object from inputs to lists of verbs, such as {\"1\": [...], \"2|help\": [...]}";

  @Override
  public List<Branch> deserialize(JsonParser parser, DeserializationContext ctxt) {
    if (!parser.isExpectedStartObjectToken()) {
      throw Problems.mismatch(parser, ctxt, MUST_BE);
    }
    ValueDeserializer<Object> verbs =
        ctxt.findRootValueDeserializer(
            ctxt.getTypeFactory().constructCollectionType(List.class, Verb.class));
    List<Branch> branches = new ArrayList<>();
    for (String key = parser.nextName(); key != null; key = parser.nextName()) {
      parser.nextToken();
      @SuppressWarnings("unchecked")
      List<Verb> list = (List<Verb>) verbs.deserialize(parser, ctxt);
      branches.add(Branch.of(key, list));
    }
    return branches;
  }

  @Override
  public List<Branch> getNullValue(DeserializationContext ctxt) {
    throw Problems.mismatchNull(ctxt, MUST_BE);
  }
}
