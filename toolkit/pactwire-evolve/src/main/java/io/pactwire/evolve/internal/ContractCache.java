package io.pactwire.evolve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.PactReader;
import io.pactwire.evolve.EvolveException;
import io.pactwire.evolve.internal.ContractFields.InteractionFields;
import io.pactwire.evolve.internal.ContractFields.PartFields;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;

/**
 * Pacts read once and kept, so that reading an unchanged store again costs a fraction of parsing
 * it: for each pact file, the {@link Contract} read from it and the fingerprint of its interactions
 * ({@link Read#sameInteractions}), in one file under the cache folder.
 *
 * <p>An entry is found by the pact's absolute path and used, as git's index is, when the pact's
 * status still says what it said when the entry was written: its size, modification time, change
 * time, inode and device (every write, and every change of the modification time, sets the change
 * time; a file put in its place has another inode). Only when the file had changed within {@link
 * #RACY} of the moment it was checked (a write after the check might then leave the times as they
 * were, the clock not having moved on) is the entry "racy": its bytes are read again and compared
 * by their CRC32C checksum, and once the file is older than that, the entry is written again as
 * checked. Where the system gives no change time, every entry is checked by its bytes. A file that
 * cannot be read as a pact is never kept, and fails as it does without the cache. Entries are
 * written to a temporary file and moved into place, so that runs at the same time never see half an
 * entry; an entry that cannot be read is read past.
 */
public final class ContractCache {

  /** Changed whenever what an entry holds, or what a pact is read into, changes. */
  static final int FORMAT = 4;

  /**
   * How long after a file's last change an entry must have been checked for its status alone to
   * vouch for its bytes: more than a file system's time granularity (two seconds on FAT, a clock
   * tick on others) and a file server's clock skew of a second or so.
   */
  static final long RACY = TimeUnit.SECONDS.toNanos(2);

  private static final byte[] MAGIC = "PWEVOLVE".getBytes(StandardCharsets.US_ASCII);

  private final Path dir;
  // the wall clock in nanoseconds since the epoch, as file times are given
  private final LongSupplier now;
  private final Function<Path, Status> status;

  ContractCache(Path dir, LongSupplier now, Function<Path, Status> status) {
    this.dir = dir;
    this.now = now;
    this.status = status;
  }

  /** A cache in this folder (made when first written), or none when {@code dir} is null. */
  public static ContractCache at(Path dir) {
    return dir == null
        ? null
        : new ContractCache(
            dir,
            () -> {
              Instant t = Instant.now();
              return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
            },
            Status::of);
  }

  /** The folder entries are kept in. */
  public Path dir() {
    return dir;
  }

  /**
   * One pact file as read and checked: its contract, read on demand, and the fingerprint of its
   * interactions.
   */
  public static final class Read {
    private final Source source;
    private final String file;
    private final String consumer;
    private final String provider;
    private final long[] fingerprint;
    private Contract contract;
    private byte[] payload;
    private int payloadLength;
    private int contractAt;

    private Read(
        Source source,
        String file,
        String consumer,
        String provider,
        long[] fingerprint,
        Contract contract,
        byte[] payload,
        int payloadLength,
        int contractAt) {
      this.source = source;
      this.file = file;
      this.consumer = consumer;
      this.provider = provider;
      this.fingerprint = fingerprint;
      this.contract = contract;
      this.payload = payload;
      this.payloadLength = payloadLength;
      this.contractAt = contractAt;
    }

    /** Where it was read from. */
    Source source() {
      return source;
    }

    /** How messages name the file. */
    public String file() {
      return file;
    }

    /** The consumer's name. */
    public String consumer() {
      return consumer;
    }

    /** The provider's name. */
    public String provider() {
      return provider;
    }

    /** The contract; read from the entry the first time it is asked for. */
    public Contract contract() {
      if (contract == null) {
        contract =
            new In(payload, payloadLength, contractAt, null).contract(file, location -> true);
        payload = null;
      }
      return contract;
    }

    /**
     * What a usage report reads of the contract, with the elements whose location {@code keep}
     * accepts: read from the entry without building the rest of the contract when it was not read
     * already.
     */
    public ContractFields fields(Predicate<String> keep) {
      return fields(keep, null);
    }

    private ContractFields fields(Predicate<String> keep, Buffers buffers) {
      if (contract != null) {
        return ContractFields.of(contract, keep);
      }
      In in = new In(payload, payloadLength, contractAt, buffers == null ? null : buffers.spans);
      ContractFields fields = in.fields(file, keep);
      if (buffers != null) {
        buffers.spans = in.spans;
      }
      return fields;
    }

    /**
     * True when the two files hold the same interactions and messages, in any order and with their
     * keys in any order, read by the same specification version, as {@link
     * ContractReader#sameInteractions} says of their trees.
     */
    public boolean sameInteractions(Read other) {
      return Arrays.equals(fingerprint, other.fingerprint);
    }

    /** As {@link #sameInteractions(Read)}, with a checked pact tree read without the cache. */
    public boolean sameInteractions(JsonNode other) {
      return Arrays.equals(fingerprint, fingerprint(other));
    }
  }

  /** Where a {@link Read} came from. */
  enum Source {
    /** The pact file, parsed (and then kept). */
    FILE,
    /** The entry, vouched for by the file's status. */
    ENTRY,
    /** The entry, after comparing the file's bytes with it (a racy entry). */
    ENTRY_CHECKED
  }

  /**
   * Reads one pact: from its entry when the entry is for the file as it is, otherwise from the file
   * (and keeps it). {@code display} turns the path into how messages name it.
   *
   * @throws EvolveException naming the file and location when it cannot be read as a pact
   */
  public Read read(Path path, UnaryOperator<String> display) {
    return read(path, display, null);
  }

  /**
   * The arrays a thread reads entries into, used again for each entry it reads: a store's entries
   * are read without new arrays the size of each. Not to be shared between threads.
   */
  public static final class Buffers {
    private byte[] bytes;
    private int[] spans;

    /** Arrays for a thread to read many entries into. */
    public Buffers() {
      this(new byte[1 << 16], new int[1 << 12]);
    }

    private Buffers(byte[] bytes, int[] spans) {
      this.bytes = bytes;
      this.spans = spans;
    }

    // for one entry: its bytes in an array of their size, which its Read then keeps
    private static Buffers once() {
      return new Buffers(new byte[0], null);
    }

    // the entry's bytes, in bytes from 0; their count, or -1 when it cannot be read
    private int read(Path entry) {
      try (FileChannel channel = FileChannel.open(entry, StandardOpenOption.READ)) {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
          return -1;
        }
        if (size > bytes.length) {
          bytes = new byte[(int) Math.max(size, 2L * bytes.length)];
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, (int) size);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
          // until the end of the file
        }
        return buffer.position();
      } catch (IOException e) {
        return -1;
      }
    }
  }

  /**
   * {@link Read#fields} of one pact, read as {@link #read} reads it; an entry is read into {@code
   * buffers}, which this thread then uses again.
   *
   * @throws EvolveException naming the file and location when it cannot be read as a pact
   */
  public ContractFields fields(
      Path path, UnaryOperator<String> display, Predicate<String> keep, Buffers buffers) {
    return read(path, display, buffers).fields(keep, buffers);
  }

  // with buffers, a Read from an entry holds them: it is read before the thread reads another
  private Read read(Path path, UnaryOperator<String> display, Buffers buffers) {
    String file = display.apply(path.toString());
    Path entry = entry(path);
    // taken before the file's status, and that before its bytes: whatever is read of the file is
    // at least as new as this moment
    long checked = now.getAsLong();
    Status status = this.status.apply(path);
    if (status != null) {
      Read cached = cached(entry, status, checked, path, file, buffers);
      if (cached != null) {
        return cached;
      }
    }
    byte[] bytes;
    JsonNode tree;
    try {
      bytes = PactReader.bytes(path);
      tree = PactReader.read(path, bytes);
    } catch (PactFileException e) {
      throw new EvolveException(display.apply(e.getMessage()), e);
    }
    Contract contract = ContractReader.read(file, tree);
    long[] fingerprint = fingerprint(tree);
    // a file whose size changed between its status and its bytes is not kept: the next run reads
    // it again
    if (status != null && status.size() == bytes.length) {
      CRC32C crc = new CRC32C();
      crc.update(bytes);
      write(entry, status, crc.getValue(), checked, fingerprint, contract);
    }
    return new Read(
        Source.FILE,
        file,
        contract.consumer(),
        contract.provider(),
        fingerprint,
        contract,
        null,
        0,
        0);
  }

  /**
   * What the system says of a regular file, read without opening it: the size, the modification and
   * change times in nanoseconds, the inode and the device; {@code ctime} is null where there is no
   * change time (no unix attributes), and then {@code ino} and {@code dev} are 0.
   */
  record Status(long size, long mtime, Long ctime, long ino, long dev) {

    private static final String UNIX = "unix:size,lastModifiedTime,ctime,ino,dev,isRegularFile";

    /** The file's status, or null when it is not a regular file or cannot be read. */
    static Status of(Path path) {
      try {
        Map<String, Object> a;
        try {
          a = Files.readAttributes(path, UNIX);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
          BasicFileAttributes b = Files.readAttributes(path, BasicFileAttributes.class);
          return b.isRegularFile()
              ? new Status(b.size(), b.lastModifiedTime().to(TimeUnit.NANOSECONDS), null, 0, 0)
              : null;
        }
        if (!Boolean.TRUE.equals(a.get("isRegularFile"))) {
          return null;
        }
        return new Status(
            (Long) a.get("size"),
            ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
            ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS),
            (Long) a.get("ino"),
            (Long) a.get("dev"));
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    /**
     * True when a write after {@code checked} might have left this status as it was: the file
     * changed within {@link #RACY} of that moment, or there is no change time to tell.
     */
    boolean racy(long checked) {
      return ctime == null || Math.max(mtime, ctime) > checked - RACY;
    }
  }

  // the CRC32C of a file's bytes, read through a mapping of it; -1 when it cannot be read so
  private static long crc(Path path, long size) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      if (channel.size() != size) {
        return -1;
      }
      CRC32C crc = new CRC32C();
      if (size > 0) {
        crc.update(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
      }
      return crc.getValue();
    } catch (IOException | RuntimeException | InternalError e) {
      // InternalError: the file was cut short while mapped
      return -1;
    }
  }

  /** Reads one pact without a cache, as {@link #read} does with one. */
  public static Read uncached(Path path, UnaryOperator<String> display) {
    String file = display.apply(path.toString());
    JsonNode tree = ContractStore.tree(path, display);
    Contract contract = ContractReader.read(file, tree);
    return new Read(
        Source.FILE,
        file,
        contract.consumer(),
        contract.provider(),
        fingerprint(tree),
        contract,
        null,
        0,
        0);
  }

  private Path entry(Path path) {
    String key = path.toAbsolutePath().normalize().toString();
    return dir.resolve(
        hex(digest("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))) + ".bin");
  }

  // the entry when it is for the file as it is; null when there is none, or it is not
  private Read cached(
      Path entry, Status status, long checkedNow, Path path, String file, Buffers buffers) {
    Buffers into = buffers == null ? Buffers.once() : buffers;
    int size = into.read(entry);
    if (size < 0) {
      return null;
    }
    byte[] data = into.bytes;
    try {
      // the header and the parties: a few texts
      In in = new In(data, size, 0, new int[16]);
      for (byte b : MAGIC) {
        if (in.data[in.at++] != b) {
          return null;
        }
      }
      if (in.varint() != FORMAT) {
        return null;
      }
      int statusAt = in.at;
      Long ctime = in.bool() ? in.longValue() : null;
      Status written =
          new Status(in.longValue(), in.longValue(), ctime, in.longValue(), in.longValue());
      long crc = in.longValue();
      int checkedAt = in.at;
      long checked = in.longValue();
      if (!written.equals(status)) {
        return null;
      }
      // the length of the rest and a checksum of it and of the status before it, so that a
      // damaged entry is read past
      int length = (int) in.longValue();
      int sumAt = in.at;
      long sum = in.longValue();
      if (length != size - in.at || sum(data, size, statusAt, sumAt - 8, in.at) != sum) {
        return null;
      }
      Source source = Source.ENTRY;
      if (status.racy(checked)) {
        if (crc(path, status.size()) != crc) {
          return null;
        }
        source = Source.ENTRY_CHECKED;
        if (!status.racy(checkedNow)) {
          // checked at a moment the file was already older than RACY: its status vouches for it
          // from now on
          byte[] again = Arrays.copyOf(data, size);
          putLong(again, checkedAt, checkedNow);
          putLong(again, sumAt, sum(again, size, statusAt, sumAt - 8, sumAt + 8));
          put(entry, again);
        }
      }
      long[] fingerprint = new long[in.varint()];
      for (int i = 0; i < fingerprint.length; i++) {
        fingerprint[i] = in.longValue();
      }
      int partiesAt = in.at;
      String consumer = in.text();
      String provider = in.text();
      return new Read(source, file, consumer, provider, fingerprint, null, data, size, partiesAt);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void write(
      Path entry, Status status, long crc, long checked, long[] fingerprint, Contract contract) {
    Out body = new Out();
    body.varint(fingerprint.length);
    for (long f : fingerprint) {
      body.longValue(f);
    }
    body.text(contract.consumer());
    body.text(contract.provider());
    body.contract(contract);
    byte[] rest = body.bytes();
    Out head = new Out();
    head.raw(MAGIC);
    head.varint(FORMAT);
    int statusAt = head.size;
    head.bool(status.ctime() != null);
    if (status.ctime() != null) {
      head.longValue(status.ctime());
    }
    head.longValue(status.size());
    head.longValue(status.mtime());
    head.longValue(status.ino());
    head.longValue(status.dev());
    head.longValue(crc);
    head.longValue(checked);
    head.longValue(rest.length);
    int sumAt = head.size;
    head.longValue(0);
    head.raw(rest);
    byte[] bytes = head.bytes();
    putLong(bytes, sumAt, sum(bytes, bytes.length, statusAt, sumAt - 8, sumAt + 8));
    put(entry, bytes);
  }

  // the CRC32C of an entry's status, checksum of its file and time checked (from statusAt to
  // statusEnd) and of all after its own checksum (from restAt)
  private static long sum(byte[] data, int size, int statusAt, int statusEnd, int restAt) {
    CRC32C crc = new CRC32C();
    crc.update(data, statusAt, statusEnd - statusAt);
    crc.update(data, restAt, size - restAt);
    return crc.getValue();
  }

  private static void putLong(byte[] data, int at, long v) {
    for (int i = 0; i < 8; i++) {
      data[at + i] = (byte) (v >>> (56 - 8 * i));
    }
  }

  // writes an entry in place at once: to a temporary file, then moved over the entry
  private void put(Path entry, byte[] bytes) {
    Path tmp = entry.resolveSibling(entry.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(dir);
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // a cache that cannot be written costs the next run the time it would have saved, no more
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // left for the system to clear
      }
    }
  }

  /**
   * The fingerprint of a checked pact tree's interactions and messages: whether it is read as
   * version 4, then a 128-bit digest of each entry's text with its keys sorted, the digests sorted,
   * so that neither order changes it. Numbers are kept as written, as the trees compare them.
   */
  static long[] fingerprint(JsonNode pact) {
    List<long[]> entries = new ArrayList<>();
    MessageDigest md5 = digest("MD5");
    StringBuilder b = new StringBuilder(2048);
    for (String list : new String[] {"interactions", "messages"}) {
      for (JsonNode entry : pact.path(list)) {
        b.setLength(0);
        b.append(list).append(':');
        canonical(entry, b);
        byte[] d = md5.digest(b.toString().getBytes(StandardCharsets.UTF_8));
        entries.add(new long[] {longAt(d, 0), longAt(d, 8)});
      }
    }
    entries.sort(
        (x, y) -> {
          int c = Long.compare(x[0], y[0]);
          return c != 0 ? c : Long.compare(x[1], y[1]);
        });
    long[] out = new long[1 + 2 * entries.size()];
    out[0] = ContractReader.v4(pact) ? 4 : 3;
    for (int i = 0; i < entries.size(); i++) {
      out[1 + 2 * i] = entries.get(i)[0];
      out[2 + 2 * i] = entries.get(i)[1];
    }
    return out;
  }

  private static void canonical(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, JsonNode> sorted = new TreeMap<>();
        node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        out.append('{');
        for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
          text(e.getKey(), out);
          canonical(e.getValue(), out);
          out.append(',');
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (JsonNode item : node) {
          canonical(item, out);
          out.append(',');
        }
        out.append(']');
      }
      case STRING -> text(node.textValue(), out);
      // the node's type too: 1 and 1.0 are different values of a tree
      case NUMBER -> out.append(node.numberType()).append(' ').append(node.asText());
      default -> out.append(node.asText());
    }
  }

  // a text as its length and itself: no two texts or sequences of them are written alike
  private static void text(String s, StringBuilder out) {
    out.append('"').append(s.length()).append(':').append(s);
  }

  private static long longAt(byte[] d, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (d[at + i] & 0xff);
    }
    return v;
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JVM", e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder b = new StringBuilder(bytes.length * 2);
    for (byte x : bytes) {
      b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return b.toString();
  }

  /** Writes an entry: numbers as variable-length integers, each distinct text once. */
  private static final class Out {
    private byte[] buffer = new byte[16384];
    private int size;
    private final Map<String, Integer> texts = new HashMap<>();
    private final Map<Matcher, Integer> matchers = new HashMap<>();

    byte[] bytes() {
      return Arrays.copyOf(buffer, size);
    }

    private void room(int n) {
      if (size + n > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
      }
    }

    void write(int b) {
      room(1);
      buffer[size++] = (byte) b;
    }

    void raw(byte[] b) {
      room(b.length);
      System.arraycopy(b, 0, buffer, size, b.length);
      size += b.length;
    }

    void varint(long v) {
      while ((v & ~0x7fL) != 0) {
        write((int) ((v & 0x7f) | 0x80));
        v >>>= 7;
      }
      write((int) v);
    }

    void longValue(long v) {
      for (int i = 56; i >= 0; i -= 8) {
        write((int) (v >>> i));
      }
    }

    void bool(boolean b) {
      write(b ? 1 : 0);
    }

    // 0 is null, then 1 + the index of a text written before, or the new text itself
    void text(String s) {
      if (s == null) {
        varint(0);
        return;
      }
      Integer known = texts.get(s);
      if (known != null) {
        varint(known + 2);
        return;
      }
      texts.put(s, texts.size());
      varint(1);
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length);
      raw(b);
    }

    void integer(Integer i) {
      if (i == null) {
        varint(0);
      } else {
        varint(1);
        longValue(i);
      }
    }

    void matcher(Matcher m) {
      if (m == null) {
        varint(0);
        return;
      }
      Integer known = matchers.get(m);
      if (known != null) {
        varint(known + 2);
        return;
      }
      matchers.put(m, matchers.size());
      varint(1);
      varint(m.kinds().size());
      m.kinds().forEach(this::text);
      text(m.text());
      integer(m.min());
      integer(m.max());
    }

    void contract(Contract c) {
      varint(c.interactions().size());
      for (ContractInteraction i : c.interactions()) {
        varint(i.index());
        text(i.kind());
        text(i.description());
        varint(i.states().size());
        i.states()
            .forEach(
                (k, v) -> {
                  text(k);
                  text(v);
                });
        varint(i.parts().size());
        for (Part p : i.parts()) {
          text(p.name());
          bool(p.fromConsumer());
          varint(p.elements().size());
          for (Element e : p.elements().values()) {
            text(e.location());
            text(e.type());
            text(e.example());
            matcher(e.matcher());
            bool(e.inherited());
            integer(e.min());
            integer(e.max());
          }
        }
      }
    }
  }

  /** Reads what {@link Out} wrote. */
  private static final class In {
    private final byte[] data;
    private int at;
    private final List<String> texts;
    // where each text is: its offset and length
    private int[] spans;
    private final List<Matcher> matchers = new ArrayList<>();

    // the entry is data[0, size); spans, when given, is an array to use (and grow) for the texts'
    // places
    In(byte[] data, int size, int at, int[] spans) {
      this.data = data;
      this.at = at;
      // an entry of a store's pact holds a distinct text for every 30 to 40 bytes
      int room = Math.max(64, (size - at) / 16);
      this.spans = spans != null ? spans : new int[room];
      this.texts = new ArrayList<>(Math.min(room, this.spans.length) / 2);
    }

    int varint() {
      long v = 0;
      int shift = 0;
      while (true) {
        byte b = data[at++];
        v |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return (int) v;
        }
        shift += 7;
      }
    }

    long longValue() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (data[at++] & 0xff);
      }
      return v;
    }

    boolean bool() {
      return data[at++] != 0;
    }

    String text() {
      return text(true);
    }

    // A text, made into a string only when {@code make} says so: one passed over is kept as where
    // it is (null in texts), and made when a later text names it.
    private String text(boolean make) {
      int tag = varint();
      if (tag == 0) {
        return null;
      }
      if (tag >= 2) {
        int k = tag - 2;
        String s = texts.get(k);
        if (s == null && make) {
          s = new String(data, spans[2 * k], spans[2 * k + 1], StandardCharsets.UTF_8);
          texts.set(k, s);
        }
        return s;
      }
      int length = varint();
      int k = texts.size();
      if (2 * k + 1 >= spans.length) {
        spans = Arrays.copyOf(spans, spans.length * 2);
      }
      spans[2 * k] = at;
      spans[2 * k + 1] = length;
      String s = make ? new String(data, at, length, StandardCharsets.UTF_8) : null;
      at += length;
      texts.add(s);
      return s;
    }

    Integer integer() {
      return varint() == 0 ? null : (int) longValue();
    }

    Matcher matcher() {
      int tag = varint();
      if (tag == 0) {
        return null;
      }
      if (tag >= 2) {
        return matchers.get(tag - 2);
      }
      int n = varint();
      List<String> kinds = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        kinds.add(text());
      }
      Matcher m = new Matcher(List.copyOf(kinds), text(), integer(), integer());
      matchers.add(m);
      return m;
    }

    // from the parties on, so that texts are numbered as they were written
    Contract contract(String file, Predicate<String> keep) {
      String consumer = text();
      String provider = text();
      int n = varint();
      List<ContractInteraction> interactions = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        int index = varint();
        String kind = text();
        String description = text();
        int states = varint();
        // kept in the order written, which is by name: a linked map is filled faster than a tree
        Map<String, String> stateMap = new LinkedHashMap<>(states * 2);
        for (int s = 0; s < states; s++) {
          stateMap.put(text(), text());
        }
        int parts = varint();
        List<Part> partList = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
          String name = text();
          boolean fromConsumer = bool();
          int elements = varint();
          Map<String, Element> elementMap = new LinkedHashMap<>(elements * 2);
          for (int e = 0; e < elements; e++) {
            String location = text();
            if (keep.test(location)) {
              elementMap.put(
                  location,
                  new Element(location, text(), text(), matcher(), bool(), integer(), integer()));
            } else {
              // read past: its type and example are made into strings only if another names them
              text(false);
              text(false);
              matcher();
              bool();
              integer();
              integer();
            }
          }
          partList.add(new Part(name, fromConsumer, elementMap));
        }
        interactions.add(
            new ContractInteraction(index, kind, description, stateMap, List.copyOf(partList)));
      }
      return new Contract(file, consumer, provider, List.copyOf(interactions));
    }

    /**
     * As {@link #contract}, reading only what a usage report reads: provider states, types and
     * examples are passed over (made into strings only if a later text names them), but for the
     * method, path and status.
     */
    ContractFields fields(String file, Predicate<String> keep) {
      String consumer = text();
      String provider = text();
      // "type (inherited)" made once for each matcher of the entry
      Map<Matcher, String> inheritedTexts = new IdentityHashMap<>();
      int n = varint();
      List<InteractionFields> interactions = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        varint(); // the index
        String kind = text();
        String description = text();
        int states = varint();
        for (int s = 0; s < 2 * states; s++) {
          text(false);
        }
        String method = null;
        String path = null;
        String status = null;
        // as ContractInteraction does, from the first part of each name
        boolean requestSeen = false;
        boolean responseSeen = false;
        int parts = varint();
        List<PartFields> partList = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
          String name = text();
          boolean request = !requestSeen && name.equals("request");
          boolean response = !responseSeen && name.equals("response");
          requestSeen |= request;
          responseSeen |= response;
          boolean fromConsumer = bool();
          int elements = varint();
          String[] locations = new String[elements];
          String[] matchers = new String[elements];
          int kept = 0;
          for (int e = 0; e < elements; e++) {
            String location = text();
            text(false); // the type
            boolean scalar =
                request && (location.equals("method") || location.equals("path"))
                    || response && location.equals("status");
            String example = text(scalar);
            if (scalar) {
              String value = ContractInteraction.scalar(example);
              switch (location) {
                case "method" -> method = value;
                case "path" -> path = value;
                default -> status = value;
              }
            }
            Matcher matcher = matcher();
            boolean inherited = bool();
            integer();
            integer();
            if (keep.test(location)) {
              locations[kept] = location;
              matchers[kept++] =
                  inherited && matcher != null
                      ? inheritedTexts.computeIfAbsent(matcher, m -> Element.matcherText(m, true))
                      : Element.matcherText(matcher, false);
            }
          }
          partList.add(
              new PartFields(
                  name,
                  fromConsumer,
                  Arrays.asList(kept == elements ? locations : Arrays.copyOf(locations, kept)),
                  Arrays.asList(kept == elements ? matchers : Arrays.copyOf(matchers, kept))));
        }
        interactions.add(
            new InteractionFields(kind, description, method, path, status, List.copyOf(partList)));
      }
      return new ContractFields(file, consumer, provider, List.copyOf(interactions));
    }
  }
}
