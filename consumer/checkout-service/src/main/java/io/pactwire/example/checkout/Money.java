package io.pactwire.example.checkout;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * PayPal's {@code money}: an ISO 4217 currency code and the amount as a decimal string (PayPal
 * never sends amounts as JSON numbers).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Money(String currencyCode, String value) {

  /** An amount in a two-decimal currency such as EUR or USD. */
  public static Money of(String currencyCode, BigDecimal amount) {
    return new Money(currencyCode, amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
  }
}
