package org.example.shop;

/** A carrier's price for one parcel. */
public record Quote(String id, String amount, String currency) {}
