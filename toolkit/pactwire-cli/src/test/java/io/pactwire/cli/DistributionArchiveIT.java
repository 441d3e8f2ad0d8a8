package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive ({@code pactwire-cli}, classifier {@code dist}) as a team without a JVM
 * build meets it: unpacked with {@code tar} into a folder whose path has a space, and run through
 * its launcher, directly and through a symlink on {@code PATH}. Failsafe runs it after {@code
 * package}, so it tests the archive this build made.
 */
class DistributionArchiveIT {

  private static final Path ARCHIVE = Path.of("target/pactwire-dist.tar.gz");
  private static final String VERSION = System.getProperty("pactwire.version");
  private static final String TOP = "pactwire-" + VERSION;
  private static final String[] CHECK = {
    "check-openapi", "--pact", PactwireCommandTests.DRIFTED, "--spec", PactwireCommandTests.SPEC
  };

  @TempDir static Path root;

  /** Where the archive was unpacked: a path with a space, as on many a laptop. */
  private static Path unpacked;

  @TempDir Path temp;

  @BeforeAll
  static void unpack() throws Exception {
    assertThat(VERSION).as("pactwire.version, set by the pom for Failsafe").isNotBlank();
    assertThat(ARCHIVE).as("the archive made by this module's package phase").isRegularFile();
    unpacked = Files.createDirectories(root.resolve("tools and such"));
    Process tar =
        new ProcessBuilder(
                "tar", "-xzf", ARCHIVE.toAbsolutePath().toString(), "-C", unpacked.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).as(out).isZero();
  }

  @Test
  void theArchiveHoldsTheLauncherBesideTheShadedJarInAFolderNamedForTheVersion() throws Exception {
    List<String> entries;
    try (Stream<Path> files = Files.walk(unpacked)) {
      entries = files.filter(f -> !f.equals(unpacked)).map(f -> relative(f)).sorted().toList();
    }

    assertThat(entries).containsExactly(TOP, TOP + "/pactwire", TOP + "/pactwire.jar");
    Path launcher = unpacked.resolve(TOP).resolve("pactwire");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(launcher)))
        .isEqualTo("rwxr-xr-x");
    assertThat(Files.mismatch(launcher, Path.of("src/main/bin/pactwire"))).isEqualTo(-1L);
    // the shaded jar that target/pactwire runs, not the module's own jar from before shade
    assertThat(
            Files.mismatch(
                unpacked.resolve(TOP).resolve("pactwire.jar"), Path.of("target/pactwire.jar")))
        .isEqualTo(-1L);
  }

  @Test
  void theUnpackedLauncherRunsFromAPathWithASpace() throws Exception {
    Path launcher = unpacked.resolve(TOP).resolve("pactwire");
    Path cache = Files.createDirectories(temp.resolve("cache of mine"));
    String golden = Files.readString(Path.of("src/test/resources/golden/drifted.txt"));

    LauncherRun version = run(cache, Map.of(), launcher.toString(), "--version");
    // the first check writes the class archive as it exits, the second runs with it
    LauncherRun first = run(cache, Map.of(), launcher.toString(), CHECK);
    LauncherRun second = run(cache, Map.of(), launcher.toString(), CHECK);

    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("pactwire " + VERSION + "\n");
    assertThat(first.exit()).as("exit 1 on findings").isEqualTo(1);
    assertThat(first.out()).isEqualTo(golden);
    assertThat(second.exit()).isEqualTo(1);
    assertThat(second.out()).isEqualTo(golden);
    assertThat(first.err() + second.err()).isEmpty();
  }

  @Test
  void aRelativeSymlinkOnThePathRunsTheUnpackedLauncher() throws Exception {
    // as a tools folder is laid out: bin/pactwire -> ../pactwire-<version>/pactwire
    Path launcher = unpacked.resolve(TOP).resolve("pactwire");
    Path bin = Files.createDirectories(temp.resolve("bin folder"));
    Path link = Files.createSymbolicLink(bin.resolve("pactwire"), bin.relativize(launcher));
    Path cache = Files.createDirectories(temp.resolve("cache"));
    Map<String, String> path = Map.of("PATH", bin + ":" + System.getenv("PATH"));

    // a shell finds it on PATH, as in a CI step
    LauncherRun version = run(cache, path, "bash", "-c", "pactwire --version");
    LauncherRun check =
        run(
            cache,
            path,
            "bash",
            "-c",
            "pactwire \"$@\"",
            "pactwire",
            CHECK[0],
            CHECK[1],
            CHECK[2],
            CHECK[3],
            CHECK[4]);

    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("pactwire " + VERSION + "\n");
    assertThat(check.exit()).as(check.err()).isEqualTo(1);
    assertThat(check.out())
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/drifted.txt")));
    assertThat(check.err()).isEmpty();
    // the launcher ran the jar beside the file the link leads to
    assertThat(Files.readAllLines(cache.resolve("paths")))
        .startsWith(link.toString(), launcher.toRealPath().toString());
  }

  /** Runs {@code program} with {@code PACTWIRE_CACHE} at {@code cache}; exit code, out, err. */
  private static LauncherRun run(
      Path cache, Map<String, String> env, String program, String... args) throws Exception {
    return LauncherRun.run(
        environment -> {
          environment.put("PACTWIRE_CACHE", cache.toString());
          environment.put("JAVA_HOME", System.getProperty("java.home"));
          environment.putAll(env);
        },
        program,
        args);
  }

  private static String relative(Path file) {
    return unpacked.relativize(file).toString();
  }
}
