package io.pactwire.example.checkout;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a PayPal Orders v2 {@code order} that checkout uses: its id and status, the purchase
 * units with their captures, and the HATEOAS links (the payer approves at the {@code approve} or
 * {@code payer-action} link).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PayPalOrder(
    String id, Status status, List<PurchaseUnit> purchaseUnits, List<PayPalLink> links) {

  public PayPalOrder {
    purchaseUnits = purchaseUnits == null ? List.of() : List.copyOf(purchaseUnits);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** The link with relation {@code rel}, if PayPal sent one. */
  public Optional<PayPalLink> link(String rel) {
    return links.stream().filter(link -> rel.equals(link.rel())).findFirst();
  }

  /** All captures of all purchase units, in PayPal's order. */
  public List<Capture> captures() {
    return purchaseUnits.stream()
        .filter(unit -> unit.payments() != null)
        .flatMap(unit -> unit.payments().captures().stream())
        .toList();
  }

  /** PayPal's {@code order_status}; {@code UNKNOWN} for a value this client does not know yet. */
  public enum Status {
    CREATED,
    SAVED,
    APPROVED,
    VOIDED,
    COMPLETED,
    PAYER_ACTION_REQUIRED,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /** A purchase unit: the merchant's reference, its amount and, once captured, its payments. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PurchaseUnit(
      String referenceId, String customId, Money amount, Payments payments) {}

  /** A purchase unit's {@code payments} collection; only captures are modelled. */
  public record Payments(List<Capture> captures) {
    public Payments {
      captures = captures == null ? List.of() : List.copyOf(captures);
    }
  }

  /** A captured payment and its {@code capture_status}. */
  public record Capture(String id, CaptureStatus status, Money amount) {}

  /** PayPal's {@code capture_status.status}. */
  public enum CaptureStatus {
    COMPLETED,
    DECLINED,
    PARTIALLY_REFUNDED,
    PENDING,
    REFUNDED,
    FAILED,
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
