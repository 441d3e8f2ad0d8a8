package io.pactwire.core.internal;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.V4Pact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.pactwire.core.ContractId;
import java.util.Collection;
import java.util.List;

/**
 * Pacts as V4 JSON trees and texts: what a pact file holds, printed by {@link JsonText}, so an
 * unchanged contract leaves its file byte-identical.
 */
public final class PactJson {

  // What the printer writes between two values of an array, and a value it never writes unescaped.
  private static final String ARRAY_SEPARATOR = ", ";
  private static final String MARKER = "\u0001";

  private PactJson() {}

  /** Renders a pact as deterministic V4 JSON, upgrading an older specification version. */
  public static String render(Pact pact) {
    V4Pact v4 = pact.asV4Pact().get();
    if (v4 == null) {
      throw new IllegalArgumentException(
          "cannot express as a V4 pact: " + pact.asV4Pact().errorValue());
    }
    ObjectNode tree;
    try {
      tree = PactTrees.pact(v4);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot render the pact between "
              + pact.getConsumer().getName()
              + " and "
              + pact.getProvider().getName()
              + " as V4 JSON: "
              + e.getMessage(),
          e);
    }
    return JsonText.render(tree);
  }

  /**
   * One interaction as a V4 pact holds it: the tree {@link #render(Pact)} prints for it, keys
   * sorted, numbers with the digits pact-jvm holds.
   */
  public static ObjectNode tree(Interaction interaction) {
    return PactTrees.interaction(interaction);
  }

  /** A provider state as a V4 interaction holds it in its {@code providerStates}. */
  public static ObjectNode tree(ProviderState state) {
    return PactTrees.providerState(state);
  }

  /**
   * A request's or response's body as a V4 pact holds it: JSON as its value, text as a string,
   * binary content types in base64; an empty object for no body.
   */
  public static JsonNode tree(OptionalBody body) {
    return PactTrees.body(body);
  }

  /**
   * The V4 pact between {@code contract}'s parties with these interactions (as {@link
   * #tree(Interaction)} gives them), in this order, and pact-jvm's metadata.
   */
  public static ObjectNode tree(ContractId contract, Collection<? extends JsonNode> interactions) {
    return PactTrees.pact(contract, interactions);
  }

  /**
   * One interaction's text as it stands inside a pact, for {@link #render(ContractId, List)}: a
   * capture renders each interaction once, when it is built, and a pact of many only joins their
   * texts.
   */
  public static String renderInteraction(JsonNode interaction) {
    // In the pact an interaction sits one level deeper (the array of interactions adds none).
    return JsonText.print(interaction, 1);
  }

  /**
   * The V4 pact between {@code contract}'s parties with these interactions, each as {@link
   * #renderInteraction} gives it, in this order: the text of {@code JsonText.render(tree(contract,
   * interactions))}.
   */
  public static String render(ContractId contract, List<String> renderedInteractions) {
    ObjectNode pact = PactTrees.pact(contract, List.of());
    if (renderedInteractions.isEmpty()) {
      return JsonText.render(pact);
    }
    // The pact printed around one marker, a character that Jackson escapes inside any string:
    // the interactions' texts go where it is, each after the printer's separator.
    ((ArrayNode) pact.get("interactions")).addRawValue(new RawValue(MARKER));
    String skeleton = JsonText.render(pact);
    int at = skeleton.indexOf(MARKER);
    int length = skeleton.length();
    for (String text : renderedInteractions) {
      length += text.length() + ARRAY_SEPARATOR.length();
    }
    StringBuilder out = new StringBuilder(length).append(skeleton, 0, at);
    for (int i = 0; i < renderedInteractions.size(); i++) {
      out.append(i == 0 ? "" : ARRAY_SEPARATOR).append(renderedInteractions.get(i));
    }
    return out.append(skeleton, at + MARKER.length(), skeleton.length()).toString();
  }
}
