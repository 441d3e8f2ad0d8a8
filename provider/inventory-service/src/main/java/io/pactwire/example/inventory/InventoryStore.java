package io.pactwire.example.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Products and reservations in PostgreSQL; every stock change is one transaction. */
final class InventoryStore {

  static final Duration HOLD = Duration.ofMinutes(15);

  /** What a reservation attempt came to. */
  sealed interface ReserveOutcome {
    record Reserved(Reservation reservation, StockChanged change) implements ReserveOutcome {}

    record UnknownProduct(String sku) implements ReserveOutcome {}

    record InsufficientStock(String sku, int available, int requested) implements ReserveOutcome {}
  }

  /** What releasing a reservation came to. */
  sealed interface ReleaseOutcome {
    record Released(Reservation reservation, StockChanged change) implements ReleaseOutcome {}

    record UnknownReservation(UUID id) implements ReleaseOutcome {}
  }

  private final DataSource dataSource;
  private final Clock clock;

  InventoryStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  Optional<Product> product(String sku) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT sku, name, price, stock FROM products WHERE sku = ?")) {
      select.setString(1, sku);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Product(
                row.getString("sku"),
                row.getString("name"),
                row.getBigDecimal("price"),
                row.getInt("stock")));
      }
    }
  }

  Optional<Reservation> reservation(UUID id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, sku, quantity, expires_at FROM reservations WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(reservationFrom(row)) : Optional.empty();
      }
    }
  }

  ReserveOutcome reserve(String sku, int quantity) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        ReserveOutcome outcome = reserve(connection, sku, quantity);
        if (outcome instanceof ReserveOutcome.Reserved) {
          connection.commit();
        } else {
          connection.rollback();
        }
        return outcome;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private ReserveOutcome reserve(Connection connection, String sku, int quantity)
      throws SQLException {
    // The condition on stock makes the check and the decrement one atomic step: two concurrent
    // reservations cannot both see the same stock, so there is no oversell.
    Integer available = null;
    try (PreparedStatement take =
        connection.prepareStatement(
            "UPDATE products SET stock = stock - ? WHERE sku = ? AND stock >= ? RETURNING stock")) {
      take.setInt(1, quantity);
      take.setString(2, sku);
      take.setInt(3, quantity);
      try (ResultSet row = take.executeQuery()) {
        if (row.next()) {
          available = row.getInt(1);
        }
      }
    }
    if (available == null) {
      try (PreparedStatement select =
          connection.prepareStatement("SELECT stock FROM products WHERE sku = ?")) {
        select.setString(1, sku);
        try (ResultSet row = select.executeQuery()) {
          return row.next()
              ? new ReserveOutcome.InsufficientStock(sku, row.getInt(1), quantity)
              : new ReserveOutcome.UnknownProduct(sku);
        }
      }
    }
    Instant now = now();
    Reservation reservation = new Reservation(UUID.randomUUID(), sku, quantity, now.plus(HOLD));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO reservations (id, sku, quantity, expires_at) VALUES (?, ?, ?, ?)")) {
      insert.setObject(1, reservation.id());
      insert.setString(2, sku);
      insert.setInt(3, quantity);
      insert.setTimestamp(4, Timestamp.from(reservation.expiresAt()));
      insert.executeUpdate();
    }
    return new ReserveOutcome.Reserved(reservation, new StockChanged(sku, available, now));
  }

  ReleaseOutcome release(UUID id) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Reservation reservation;
        try (PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM reservations WHERE id = ? RETURNING id, sku, quantity, expires_at")) {
          delete.setObject(1, id);
          try (ResultSet row = delete.executeQuery()) {
            if (!row.next()) {
              connection.rollback();
              return new ReleaseOutcome.UnknownReservation(id);
            }
            reservation = reservationFrom(row);
          }
        }
        int available;
        try (PreparedStatement giveBack =
            connection.prepareStatement(
                "UPDATE products SET stock = stock + ? WHERE sku = ? RETURNING stock")) {
          giveBack.setInt(1, reservation.quantity());
          giveBack.setString(2, reservation.sku());
          try (ResultSet row = giveBack.executeQuery()) {
            row.next();
            available = row.getInt(1);
          }
        }
        connection.commit();
        return new ReleaseOutcome.Released(
            reservation, new StockChanged(reservation.sku(), available, now()));
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** Deletes lapsed reservations and returns their stock, one change per product, in one step. */
  List<StockChanged> releaseExpired() throws SQLException {
    Instant now = now();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement release =
            connection.prepareStatement(
                "WITH expired AS (DELETE FROM reservations WHERE expires_at <= ?"
                    + " RETURNING sku, quantity),"
                    + " returned AS (SELECT sku, sum(quantity) AS quantity FROM expired GROUP BY sku)"
                    + " UPDATE products SET stock = products.stock + returned.quantity"
                    + " FROM returned WHERE products.sku = returned.sku"
                    + " RETURNING products.sku, products.stock")) {
      release.setTimestamp(1, Timestamp.from(now));
      List<StockChanged> changes = new ArrayList<>();
      try (ResultSet row = release.executeQuery()) {
        while (row.next()) {
          changes.add(new StockChanged(row.getString(1), row.getInt(2), now));
        }
      }
      changes.sort(Comparator.comparing(StockChanged::sku));
      return changes;
    }
  }

  private Instant now() {
    // Whole seconds: the API promises ISO-8601 instants like 2026-11-28T23:15:00Z.
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static Reservation reservationFrom(ResultSet row) throws SQLException {
    return new Reservation(
        row.getObject("id", UUID.class),
        row.getString("sku"),
        row.getInt("quantity"),
        row.getTimestamp("expires_at").toInstant());
  }
}
