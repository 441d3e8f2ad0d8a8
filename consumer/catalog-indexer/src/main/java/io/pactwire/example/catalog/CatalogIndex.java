package io.pactwire.example.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory search index: one {@link SearchDocument} per sku.
 *
 * <p>Events may arrive late or twice (the listener commits after handling, so a restart replays);
 * an event older than the document it would replace is ignored, which makes applying one idempotent
 * and order-tolerant.
 */
public final class CatalogIndex {

  private final Map<String, SearchDocument> documents = new ConcurrentHashMap<>();

  /**
   * Applies the event to its sku's document.
   *
   * @return {@code true} when the document changed, {@code false} when the event was older than it
   */
  public boolean apply(StockChanged event) {
    SearchDocument next =
        new SearchDocument(
            event.sku(), event.available(), event.available() > 0, event.occurredAt());
    SearchDocument[] before = new SearchDocument[1];
    SearchDocument after =
        documents.merge(
            event.sku(),
            next,
            (current, candidate) -> {
              before[0] = current;
              return candidate.updatedAt().isBefore(current.updatedAt()) ? current : candidate;
            });
    return after != before[0];
  }

  /** The document for {@code sku}, if any event for it has been applied. */
  public Optional<SearchDocument> find(String sku) {
    return Optional.ofNullable(documents.get(sku));
  }

  /** How many skus the index holds. */
  public int size() {
    return documents.size();
  }
}
