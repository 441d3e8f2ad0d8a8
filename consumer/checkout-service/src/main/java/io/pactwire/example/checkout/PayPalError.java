package io.pactwire.example.checkout;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;

/**
 * PayPal's error body ({@code error_400}, {@code error_422}, ...): a name such as {@code
 * UNPROCESSABLE_ENTITY}, a message, the {@code debug_id} PayPal support asks for, and the details
 * whose {@code issue} (for example {@code INSTRUMENT_DECLINED}) says what went wrong.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PayPalError(String name, String message, String debugId, List<Detail> details) {

  public PayPalError {
    details = details == null ? List.of() : List.copyOf(details);
  }

  /** The first detail's issue, the most specific reason PayPal gives. */
  public Optional<String> issue() {
    return details.stream().map(Detail::issue).findFirst();
  }

  /** One {@code error_details} entry. */
  public record Detail(
      String field, String value, String location, String issue, String description) {}
}
