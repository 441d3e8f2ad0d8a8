package io.pactwire.provider.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The outcome of verifying one provider, as written to results files and rendered in reports. */
public final class Results {

  private Results() {}

  /**
   * One difference between what the contract expects and what the provider did.
   *
   * @param kind {@code body}, {@code status}, {@code header}, {@code metadata}, {@code state} or
   *     {@code error}
   * @param path the JSON path (body), header or metadata key; empty when none applies
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Difference(
      String kind, String path, String expected, String actual, String mismatch) {}

  /** The request and the two responses, rendered as HTTP-like text. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Exchange(String request, String expected, String actual) {}

  /** One interaction's result. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Interaction(
      String description,
      List<String> states,
      boolean success,
      String message,
      List<Difference> differences,
      Exchange exchange) {}

  /** The verification of one pact (one consumer's contract, identified by its bytes). */
  public record Pact(
      String consumer,
      String pactFile,
      String pactSha256,
      String verifiedAt,
      boolean success,
      List<Interaction> interactions) {}

  /** Everything verified for one provider version. */
  public record Provider(
      String provider, String providerVersion, String branch, boolean success, List<Pact> pacts) {}
}
