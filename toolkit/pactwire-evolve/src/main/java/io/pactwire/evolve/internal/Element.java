package io.pactwire.evolve.internal;

/**
 * One thing an interaction says about a request, a response or a message: a header, a query
 * parameter, the status, or one field of the body, with its JSON type, its example and the matcher
 * that governs it.
 *
 * @param location where, such as {@code body $.items[*].id} or {@code header content-type}
 * @param type the JSON type ({@code string}, {@code integer}, {@code number}, {@code boolean},
 *     {@code null}, {@code object}, {@code array}), or {@code text} for headers and the like
 * @param example the example as JSON text; null for objects and for arrays a matcher governs; for
 *     an array with no matcher on it, its text with {@code *} for each value a matcher governs (it
 *     is compared item by item, in order, with its length, and its items share one location)
 * @param matcher the matcher that applies, or null when the value must equal the example
 * @param inherited true when the matcher is a parent's, applied to this value by cascade
 * @param min an array's minimum length from its matcher, or null
 * @param max an array's maximum length from its matcher, or null
 */
public record Element(
    String location,
    String type,
    String example,
    Matcher matcher,
    boolean inherited,
    Integer min,
    Integer max) {

  /** True for an element of a body, rather than a header, query parameter or status. */
  public boolean isBody() {
    return location.startsWith("body ");
  }

  /** The JSON path of a body element, such as {@code $.price}; the location otherwise. */
  public String path() {
    return isBody() ? location.substring(5) : location;
  }

  /**
   * The text a record's own {@code toString} gives, built directly: a diff keys and orders every
   * interaction of a store by it, and the record's generic one formats each component.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(96);
    b.append("Element[location=").append(location);
    b.append(", type=").append(type);
    b.append(", example=").append(example);
    b.append(", matcher=");
    if (matcher == null) {
      b.append("null");
    } else {
      matcher.appendTo(b);
    }
    b.append(", inherited=").append(inherited);
    b.append(", min=").append(min);
    b.append(", max=").append(max);
    return b.append(']').toString();
  }

  /** The matcher as a reader sees it: its text, or {@code equality} when there is none. */
  public String matcherText() {
    return matcherText(matcher, inherited);
  }

  /** {@link #matcherText()} of an element with this matcher. */
  static String matcherText(Matcher matcher, boolean inherited) {
    if (matcher == null) {
      return "equality";
    }
    // the matcher's own text when not inherited: a store's million elements share a few of them
    return inherited ? matcher.text() + " (inherited)" : matcher.text();
  }
}
