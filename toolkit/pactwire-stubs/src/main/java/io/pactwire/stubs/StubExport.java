package io.pactwire.stubs;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.pactwire.core.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes stubs as WireMock mapping files, one per interaction, which WireMock standalone loads from
 * its {@code mappings/} folder.
 *
 * <p>A mapping keeps the method and the path (or path regex) as WireMock patterns, and the whole
 * interaction in the parameters of a {@code customMatcher} named {@value PactRequestMatcher#NAME}:
 * WireMock's JSON cannot express pact's rules, so the standalone needs {@link PactRequestMatcher}
 * on its classpath ({@code --extensions io.pactwire.stubs.PactRequestMatcher}). The near-miss
 * report for an unmatched request is not part of a mapping; the standalone answers with its own.
 *
 * @since 0.1.0
 */
public final class StubExport {

  private StubExport() {}

  /**
   * Writes one mapping file per interaction into {@code mappingsFolder}, each atomically, named
   * after its priority and description; returns the files written.
   */
  public static List<Path> write(PactStubs stubs, Path mappingsFolder) {
    try {
      AtomicFiles.createDirectories(mappingsFolder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + mappingsFolder, e);
    }
    List<Path> files = new ArrayList<>();
    List<StubbedInteraction> interactions = stubs.interactions();
    List<StubMapping> mappings = stubs.mappings();
    for (int i = 0; i < mappings.size(); i++) {
      StubbedInteraction interaction = interactions.get(i);
      String name =
          String.format(Locale.ROOT, "%04d-%s.json", interaction.priority(), slug(interaction));
      Path file = mappingsFolder.resolve(name);
      AtomicFiles.writeString(file, StubMapping.buildJsonStringFor(mappings.get(i)) + "\n");
      files.add(file);
    }
    return List.copyOf(files);
  }

  private static String slug(StubbedInteraction interaction) {
    String slug =
        (interaction.provider() + "-" + interaction.description())
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    return slug.length() > 80 ? slug.substring(0, 80) : slug;
  }
}
