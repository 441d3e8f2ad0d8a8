package io.pactwire.example.checkout;

import java.util.Objects;

/** A REST app's client id and secret, exchanged for bearer tokens; the secret is never printed. */
public record PayPalCredentials(String clientId, String clientSecret) {

  public PayPalCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
  }

  @Override
  public String toString() {
    return "PayPalCredentials[clientId=" + clientId + ", clientSecret=***]";
  }
}
