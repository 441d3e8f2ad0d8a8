package io.pactwire.example.checkout;

/** A HATEOAS link of a PayPal response: where ({@code href}), what for ({@code rel}), and how. */
public record PayPalLink(String href, String rel, String method) {}
