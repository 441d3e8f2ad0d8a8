package io.pactwire.core.internal.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Where each record of the contract store lives. One file per event; a file's name is unique to its
 * event, so two writers (parallel CI jobs, or two branches merged later) never write the same file,
 * and no file is rewritten:
 *
 * <pre>
 * publications/&lt;consumer&gt;/&lt;consumerVersion&gt;/&lt;provider&gt;@&lt;stamp&gt;-&lt;nonce&gt;.json
 * verifications/&lt;provider&gt;/&lt;providerVersion&gt;/&lt;consumer&gt;/&lt;pactVersion:16&gt;-&lt;stamp&gt;-&lt;nonce&gt;.json
 * deployments/&lt;environment&gt;/&lt;pacticipant&gt;/&lt;stamp&gt;-&lt;nonce&gt;.json
 * releases/&lt;environment&gt;/&lt;pacticipant&gt;/&lt;stamp&gt;-&lt;nonce&gt;.json
 * .gitignore                       ignores the temporary files of atomic writes
 * </pre>
 *
 * A stamp is UTC to the millisecond, {@code 20261206T040512.345Z}, so that names sort by time.
 * Stores written before kept a publication as {@code <provider>.json} and a release as {@code
 * <version>.json}; readers accept both.
 */
public final class StoreLayout {

  public static final String PUBLICATIONS = "publications";
  public static final String VERIFICATIONS = "verifications";
  public static final String DEPLOYMENTS = "deployments";
  public static final String RELEASES = "releases";

  /** Characters of the pact version in a verification record's name. */
  public static final int NAME_HASH = 16;

  private static final Pattern PACTICIPANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ +-]{0,127}");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final SecureRandom RANDOM = new SecureRandom();

  private StoreLayout() {}

  /** The folder of a consumer version's publication records. */
  public static Path publications(Path store, String consumer, String version) {
    return store.resolve(PUBLICATIONS).resolve(consumer).resolve(version);
  }

  /** A new publication record's name: the provider, then a time and a nonce. */
  public static String publicationName(String provider, Instant at) {
    return provider + "@" + stamp(at) + "-" + nonce() + ".json";
  }

  /**
   * The provider a publication record's file name names ({@code <provider>@<stamp>-<nonce>.json},
   * or {@code <provider>.json} as stores wrote it before); null for a name that is neither.
   */
  public static String publicationProvider(String fileName) {
    if (!fileName.endsWith(".json")) {
      return null;
    }
    int at = fileName.indexOf('@');
    return at > 0 ? fileName.substring(0, at) : fileName.substring(0, fileName.length() - 5);
  }

  public static Path verifications(
      Path store, String provider, String providerVersion, String consumer) {
    return store
        .resolve(VERIFICATIONS)
        .resolve(provider)
        .resolve(providerVersion)
        .resolve(consumer);
  }

  public static String verificationName(String pactVersion, Instant at) {
    return pactVersion.substring(0, NAME_HASH) + "-" + stamp(at) + "-" + nonce() + ".json";
  }

  public static Path deployments(Path store, String environment, String pacticipant) {
    return store.resolve(DEPLOYMENTS).resolve(environment).resolve(pacticipant);
  }

  public static String deploymentName(Instant at) {
    return stamp(at) + "-" + nonce() + ".json";
  }

  public static Path releases(Path store, String environment, String pacticipant) {
    return store.resolve(RELEASES).resolve(environment).resolve(pacticipant);
  }

  public static String releaseName(Instant at) {
    return stamp(at) + "-" + nonce() + ".json";
  }

  public static String stamp(Instant at) {
    return STAMP.format(at);
  }

  /** Six base-36 characters: two writers in one millisecond still get different names. */
  static String nonce() {
    StringBuilder s = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      s.append(Character.forDigit(RANDOM.nextInt(36), 36));
    }
    return s.toString();
  }

  /**
   * Checks that a pacticipant's name can name a folder of the store.
   *
   * @return null when it can, else the problem
   */
  public static String checkPacticipant(String name) {
    if (name == null || !PACTICIPANT.matcher(name).matches()) {
      return "pacticipant name '"
          + name
          + "' cannot name a store folder: start with an ASCII letter or digit, then use ASCII"
          + " letters, digits, '.', '_', '+', '-' or spaces (at most 128 in all)";
    }
    return null;
  }

  /**
   * Checks that a version or environment name can name a file of the store.
   *
   * @return null when it can, else the problem
   */
  public static String checkVersion(String what, String value) {
    if (value == null || !VERSION.matcher(value).matches()) {
      return what
          + " '"
          + value
          + "' cannot name a store file: start with an ASCII letter or digit, then use ASCII"
          + " letters, digits, '.', '_', '+' or '-' (at most 128 in all)";
    }
    return null;
  }
}
