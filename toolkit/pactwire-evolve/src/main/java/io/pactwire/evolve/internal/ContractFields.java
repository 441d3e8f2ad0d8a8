package io.pactwire.evolve.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a usage report reads of a pact: its parties and, for each interaction, where it goes and the
 * location and matcher of each element. A cache entry is read into it without building the types,
 * examples and provider states of a {@link Contract}.
 *
 * @param file where it was read from, as the user named it
 * @param consumer the consumer's name
 * @param provider the provider's name
 * @param interactions HTTP interactions and messages, in the pact's order
 */
public record ContractFields(
    String file, String consumer, String provider, List<InteractionFields> interactions) {

  /**
   * One interaction as a usage report reads it.
   *
   * @param kind {@code HTTP}, {@code message} or {@code sync message}
   * @param description the interaction's description
   * @param method the request's method, or null ({@link ContractInteraction#method()})
   * @param path the request's path, or null ({@link ContractInteraction#path()})
   * @param status the response's status, or null ({@link ContractInteraction#status()})
   * @param parts the request first, then the responses
   */
  public record InteractionFields(
      String kind,
      String description,
      String method,
      String path,
      String status,
      List<PartFields> parts) {}

  /**
   * One part's elements as a usage report reads them.
   *
   * @param name {@code request}, {@code response}, {@code message} or {@code response[1]}
   * @param fromConsumer true for what the consumer sends
   * @param locations each element's location, sorted
   * @param matchers each element's {@link Element#matcherText()}, in the order of {@code locations}
   */
  public record PartFields(
      String name, boolean fromConsumer, List<String> locations, List<String> matchers) {}

  /** What a usage report reads of {@code c}: the elements whose location {@code keep} accepts. */
  public static ContractFields of(Contract c, Predicate<String> keep) {
    List<InteractionFields> interactions = new ArrayList<>(c.interactions().size());
    for (ContractInteraction i : c.interactions()) {
      List<PartFields> parts = new ArrayList<>(i.parts().size());
      for (Part p : i.parts()) {
        List<String> locations = new ArrayList<>();
        List<String> matchers = new ArrayList<>();
        for (Element e : p.elements().values()) {
          if (keep.test(e.location())) {
            locations.add(e.location());
            matchers.add(e.matcherText());
          }
        }
        parts.add(new PartFields(p.name(), p.fromConsumer(), locations, matchers));
      }
      interactions.add(
          new InteractionFields(
              i.kind(), i.description(), i.method(), i.path(), i.status(), List.copyOf(parts)));
    }
    return new ContractFields(c.file(), c.consumer(), c.provider(), List.copyOf(interactions));
  }
}
