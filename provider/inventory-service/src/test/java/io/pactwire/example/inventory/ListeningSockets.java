package io.pactwire.example.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The addresses the machine's listening TCP sockets are bound to, as the kernel reports them in
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6} (Linux): what a port is really open on, whatever
 * the server says of itself, in this JVM or in another process.
 */
public final class ListeningSockets {

  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  /** The addresses a socket listening on {@code port} is bound to (an IPv4-mapped one as IPv4). */
  public static List<InetAddress> on(int port) {
    Assumptions.assumeTrue(
        ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN,
        "the kernel's tables are read as x86's");
    List<InetAddress> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      Assumptions.assumeTrue(Files.isReadable(file), table + " is read to find listening sockets");
      try {
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
          String[] fields = line.strip().split("\\s+");
          String[] local = fields[1].split(":");
          if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
            addresses.add(address(local[0]));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return addresses;
  }

  // The kernel prints each 32-bit word of the address in the machine's (little-endian) order.
  private static InetAddress address(String hex) {
    byte[] words = HexFormat.of().parseHex(hex);
    byte[] bytes = new byte[words.length];
    for (int word = 0; word < words.length; word += 4) {
      for (int i = 0; i < 4; i++) {
        bytes[word + i] = words[word + 3 - i];
      }
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(hex, e);
    }
  }
}
