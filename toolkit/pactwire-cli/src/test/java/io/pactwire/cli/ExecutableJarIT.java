package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code pactwire.jar} as a process. Failsafe runs it after {@code package}, so it
 * tests the jar this build made, never one left from an earlier build.
 */
class ExecutableJarIT {

  private static final Path JAR = Path.of("target/pactwire.jar");
  private static final Path LAUNCHER = Path.of("target/pactwire");

  /** A check of a drifted pact (exit 1, the golden drifted.txt on stdout). */
  private static final String[] CHECK = {
    "check-openapi", "--pact", PactwireCommandTests.DRIFTED, "--spec", PactwireCommandTests.SPEC
  };

  @TempDir Path cache;

  /** Runs the launcher with its CDS archive under {@link #cache}; returns exit code, out, err. */
  private LauncherRun launch(String... args) throws Exception {
    return launchOn(Path.of(System.getProperty("java.home")), args);
  }

  /** Runs the launcher on the JDK at {@code javaHome}. */
  private LauncherRun launchOn(Path javaHome, String... args) throws Exception {
    return launchAs(LAUNCHER, javaHome, args);
  }

  /** Runs the launcher by the path {@code launcher} (a symlink, say). */
  private LauncherRun launchAs(Path launcher, Path javaHome, String... args) throws Exception {
    return launchIn(withCache(javaHome), launcher, args);
  }

  /** The environment of a run: its archive under {@link #cache}, on the JDK at {@code javaHome}. */
  private Consumer<Map<String, String>> withCache(Path javaHome) {
    return env -> {
      env.put("PACTWIRE_CACHE", cache.toString());
      env.put("JAVA_HOME", javaHome.toString());
    };
  }

  /** Runs the launcher by the path {@code launcher} in the environment {@code environment} sets. */
  private static LauncherRun launchIn(
      Consumer<Map<String, String>> environment, Path launcher, String... args) throws Exception {
    return LauncherRun.run(environment, launcher.toString(), args);
  }

  @Test
  void theLauncherWritesItsClassArchiveOnceAndThenRunsFromIt() throws Exception {
    assertThat(LAUNCHER).as("the launcher copied beside the jar by package").isExecutable();
    String[] args = CHECK;

    LauncherRun first = launch(args);
    List<Path> archives = archives();
    LauncherRun second = launch(args);

    assertThat(archives).singleElement().satisfies(a -> assertThat(a.toString()).endsWith(".jsa"));
    assertThat(first.exit()).isEqualTo(1);
    assertThat(second.exit()).isEqualTo(1);
    // the process prints what the in-process command prints
    assertThat(second.out())
        .isEqualTo(first.out())
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/drifted.txt")));
    // the JVM's own CDS messages never reach the user
    assertThat(first.err() + second.err()).isEmpty();
  }

  // tar and cp -p keep a file's date: a jar replaced by an older build is as much a change as a
  // newer one, and the JVM silently refuses an archive written for another jar
  @Test
  void aJarReplacedByAnOlderOneGetsANewArchiveThatTheNextRunUses(
      @TempDir Path install, @TempDir Path log) throws Exception {
    Path launcher = install.resolve("pactwire");
    Path jar = install.resolve("pactwire.jar");
    Files.copy(LAUNCHER, launcher, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(JAR, jar);
    Path javaHome = Path.of(System.getProperty("java.home"));
    String[] check = CHECK;
    assertThat(launchAs(launcher, javaHome, check).exit()).isEqualTo(1);
    Path archive = archives().get(0);
    long written = Files.getLastModifiedTime(archive).toMillis();

    // the same jar again, dated a day before the archive
    Files.copy(JAR, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(
        jar, java.nio.file.attribute.FileTime.fromMillis(written - TimeUnit.DAYS.toMillis(1)));
    assertThat(launchAs(launcher, javaHome, check).exit()).isEqualTo(1);

    assertThat(archives()).containsExactly(archive);
    assertThat(Files.getLastModifiedTime(archive).toMillis()).isGreaterThan(written);
    // and the next run maps its classes from it
    Path classes = log.resolve("classes.log");
    LauncherRun next =
        launchIn(
            withCache(javaHome)
                .andThen(env -> env.put("PACTWIRE_OPTS", "-Xlog:class+load=info:file=" + classes)),
            launcher,
            check);
    assertThat(next.exit()).isEqualTo(1);
    assertThat(Files.readAllLines(classes))
        .filteredOn(l -> l.contains(" io.pactwire.cli.Main "))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("source: shared objects file (top)"));
  }

  @Test
  void canIDeployKeepsAnArchiveOfItsOwn(@TempDir Path store) throws Exception {
    // a check first, as a provider's pipeline runs: its archive holds no class of the store
    launch(CHECK);
    LauncherRun publish =
        launch(
            "publish",
            "--consumer-version",
            "1",
            "--store",
            store.toString(),
            PactwireCommandTests.GOOD);
    String[] deploy = {
      "can-i-deploy",
      "--store",
      store.toString(),
      "--pacticipant",
      "shop",
      "--version",
      "1",
      "--to-environment",
      "production"
    };

    LauncherRun first = launch(deploy);
    LauncherRun second = launch(deploy);

    assertThat(publish.exit()).as(publish.err()).isZero();
    assertThat(archives())
        .hasSize(2)
        .anySatisfy(a -> assertThat(a.toString()).endsWith("-can-i-deploy.jsa"));
    // the verdict (orders is not in production), not bad input
    assertThat(first.exit()).as(first.err()).isEqualTo(1);
    assertThat(second.exit()).isEqualTo(first.exit());
    assertThat(second.out()).isEqualTo(first.out());
  }

  // a run stopped by its input has loaded a fraction of the command's classes: an archive of it
  // would be kept until the jar changes
  @Test
  void aCheckStoppedByBadInputWritesNoArchive(@TempDir Path pacts) throws Exception {
    LauncherRun run =
        launch(
            "verify",
            "--provider",
            "p",
            "--base-url",
            "http://127.0.0.1:9",
            "--pacts",
            pacts.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no pact with provider 'p'");
    assertThat(archives()).isEmpty();
  }

  @Test
  void verifyKeepsAnArchiveOfItsOwn(@TempDir Path pacts) throws Exception {
    // a check first: its archive holds neither pact-jvm's matching nor the HTTP client
    launch(CHECK);
    Files.writeString(
        pacts.resolve("checkout-service-inventory-service.json"), VerifyCommandTests.PACT);
    com.sun.net.httpserver.HttpServer provider = provider();
    try {
      String[] verify = {
        "verify",
        "--provider",
        "inventory-service",
        "--base-url",
        "http://127.0.0.1:" + provider.getAddress().getPort(),
        "--pacts",
        pacts.toString(),
        "--no-publish"
      };

      LauncherRun first = launch(verify);
      LauncherRun second = launch(verify);

      assertThat(archives())
          .hasSize(2)
          .anySatisfy(a -> assertThat(a.toString()).endsWith("-verify.jsa"));
      assertThat(first.exit()).as(first.err()).isEqualTo(1);
      assertThat(second.exit()).isEqualTo(first.exit());
      assertThat(second.out()).isEqualTo(first.out());
    } finally {
      provider.stop(0);
    }
  }

  /** inventory-service as VerifyCommandTests.PACT describes it, with stock as text: one failure. */
  private static com.sun.net.httpserver.HttpServer provider() throws java.io.IOException {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"sku\": \"SKU-1001\", \"stock\": \"twelve\"}".getBytes();
            boolean product = exchange.getRequestURI().getPath().equals("/products/SKU-1001");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(product ? 200 : 404, product ? body.length : -1);
            if (product) {
              exchange.getResponseBody().write(body);
            }
          }
        });
    server.start();
    return server;
  }

  @Test
  void usageAndDiffKeepAnArchiveEachOfTheirOwn(@TempDir Path pacts) throws Exception {
    // a check first: its archive holds none of the classes that read a store's contracts
    launch(CHECK);
    Files.copy(Path.of(PactwireCommandTests.GOOD), pacts.resolve("good-pact.json"));
    String[] usage = {"usage", "--provider", "orders", "--pacts", pacts.toString(), "--no-cache"};

    LauncherRun first = launch(usage);
    LauncherRun second = launch(usage);
    LauncherRun diff =
        launch("diff", PactwireCommandTests.GOOD, PactwireCommandTests.DRIFTED, "--no-cache");

    assertThat(archives())
        .hasSize(3)
        .anySatisfy(a -> assertThat(a.toString()).endsWith("-usage.jsa"))
        .anySatisfy(a -> assertThat(a.toString()).endsWith("-diff.jsa"));
    assertThat(first.exit()).isZero();
    assertThat(second.exit()).isZero();
    assertThat(second.out()).isEqualTo(first.out()).contains("orders: ");
    assertThat(diff.exit()).isEqualTo(1);
    assertThat(diff.err()).isEmpty();
  }

  @Test
  void onlyACheckWritesTheArchive() throws Exception {
    // an archive written by --help would hold picocli alone, and stay that way
    assertThat(launch("--version").exit()).isZero();
    assertThat(launch("check-openapi", "--help").exit()).isZero();

    assertThat(archives()).isEmpty();
  }

  @Test
  void aSymlinkToTheLauncherFindsTheJarAndAStaleRecordOfPathsIsNotTrusted(@TempDir Path bin)
      throws Exception {
    Path link = Files.createSymbolicLink(bin.resolve("pactwire"), LAUNCHER.toAbsolutePath());
    Path javaHome = Path.of(System.getProperty("java.home"));

    assertThat(launchAs(link, javaHome, "--version").exit()).isZero();
    // the launcher keeps the real paths it resolved, to skip the fork next time
    Path paths = cache.resolve("paths");
    assertThat(Files.readAllLines(paths))
        .containsExactly(
            link.toString(),
            LAUNCHER.toRealPath().toString(),
            javaHome.resolve("bin/java").toString(),
            javaHome.resolve("bin/java").toRealPath().toString());
    assertThat(launchAs(link, javaHome, "--version").exit()).isZero();

    // a record whose paths no longer lead to the same files is resolved again
    Files.write(
        paths,
        List.of(link.toString(), "/nowhere/pactwire", javaHome + "/bin/java", "/nowhere/java"));
    LauncherRun r = launchAs(link, javaHome, "--version");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("pactwire ");
    assertThat(Files.readAllLines(paths)).contains(LAUNCHER.toRealPath().toString());
  }

  /** Starts {@code pactwire stub} through the launcher; returns once the banner names its port. */
  private StubRun startStub(String... javaOpts) throws Exception {
    ProcessBuilder b =
        new ProcessBuilder(
            LAUNCHER.toString(),
            "stub",
            "--pacts",
            StubCommandTests.PACTS,
            "--provider",
            "inventory-service");
    b.environment().put("PACTWIRE_CACHE", cache.toString());
    b.environment().put("JAVA_HOME", System.getProperty("java.home"));
    b.environment().put("PACTWIRE_OPTS", String.join(" ", javaOpts));
    b.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = b.start();
    started.add(p.toHandle());
    java.io.BufferedReader out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String banner = out.readLine();
    assertThat(banner).as("the banner").isNotNull();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(".* at http://127\\.0\\.0\\.1:(\\d+)").matcher(banner);
    assertThat(m.matches()).as(banner).isTrue();
    CompletableFuture.runAsync(
        () -> {
          try {
            out.transferTo(java.io.Writer.nullWriter());
          } catch (java.io.IOException e) {
            // the process ended
          }
        });
    started.addAll(p.children().toList());
    return new StubRun(p, Integer.parseInt(m.group(1)));
  }

  /** The launchers and JVMs {@link #startStub} started: none outlives a test, failed or not. */
  private final List<ProcessHandle> started = new ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void stopWhatIsLeft() {
    started.forEach(ProcessHandle::destroyForcibly);
  }

  private record StubRun(Process launcher, int port) {
    int get(String path) throws Exception {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + path))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }

    /** The JVM the launcher runs as its child (the launcher execs it once an archive exists). */
    ProcessHandle jvm() {
      return launcher.children().findFirst().orElse(launcher.toHandle());
    }

    int stop(String signal) throws Exception {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(launcher.pid())).start();
      assertThat(kill.waitFor()).isZero();
      assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("stopped by " + signal).isTrue();
      return launcher.exitValue();
    }
  }

  @Test
  void theStubServerWritesAnArchiveOfItsOwnWhenStoppedAndTheNextRunLoadsItsClassesFromIt(
      @TempDir Path log) throws Exception {
    StubRun first = startStub();
    assertThat(first.get("/products/SKU-1001")).isEqualTo(200);
    // written as the JVM exits, not before
    assertThat(archives()).isEmpty();

    assertThat(first.stop("TERM")).as("128 + SIGTERM").isEqualTo(143);

    assertThat(archives())
        .singleElement()
        .satisfies(a -> assertThat(a.toString()).endsWith("-stub.jsa"));
    assertThat(temporaryFiles()).isEmpty();
    Path archive = archives().get(0);
    long written = Files.getLastModifiedTime(archive).toMillis();

    // the next server maps WireMock's classes from the archive instead of loading them from the jar
    Path classes = log.resolve("classes.log");
    StubRun second = startStub("-Xlog:class+load=info:file=" + classes);
    assertThat(second.get("/products/SKU-1001")).isEqualTo(200);
    assertThat(second.jvm().pid())
        .as("the launcher runs the JVM in its place")
        .isEqualTo(second.launcher().pid());
    assertThat(second.stop("TERM")).isEqualTo(143);

    assertThat(Files.readAllLines(classes))
        .filteredOn(l -> l.contains(" com.github.tomakehurst.wiremock.WireMockServer "))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("source: shared objects file (top)"));
    assertThat(archives()).containsExactly(archive);
    assertThat(Files.getLastModifiedTime(archive).toMillis()).isEqualTo(written);
  }

  @Test
  void ctrlCStopsTheStubServerThroughTheLauncherAndWritesItsArchive() throws Exception {
    StubRun run = startStub();
    ProcessHandle jvm = run.jvm();
    assertThat(jvm.pid())
        .as("a child while the archive is to be written")
        .isNotEqualTo(run.launcher().pid());

    // SIGINT reaches the launcher alone (a JVM started with & ignores it): passed on as SIGTERM
    assertThat(run.stop("INT")).isEqualTo(143);

    assertThat(jvm.isAlive()).as("the JVM stopped with the launcher").isFalse();
    try (java.net.ServerSocket again =
        new java.net.ServerSocket(run.port(), 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(run.port());
    }
    assertThat(archives())
        .singleElement()
        .satisfies(a -> assertThat(a.toString()).endsWith("-stub.jsa"));
  }

  @Test
  void aJvmKilledWhileWritingItsArchiveLeavesNone() throws Exception {
    StubRun run = startStub();
    ProcessHandle jvm = run.jvm();
    String tmp =
        jvm.info().arguments().stream()
            .flatMap(java.util.Arrays::stream)
            .filter(a -> a.startsWith("-XX:ArchiveClassesAtExit="))
            .map(a -> a.substring(a.indexOf('=') + 1))
            .findFirst()
            .orElseThrow();
    // what a JVM killed half-way through writing it leaves
    Files.write(Path.of(tmp), new byte[] {1, 2, 3});

    assertThat(jvm.destroyForcibly()).isTrue();
    assertThat(run.launcher().waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(run.launcher().exitValue()).as("128 + SIGKILL").isEqualTo(137);
    assertThat(archives()).isEmpty();
    assertThat(temporaryFiles()).isEmpty();
  }

  private List<Path> temporaryFiles() throws java.io.IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.toString().endsWith(".tmp")).toList();
    }
  }

  /** The class archives and AOT caches in {@link #cache}. */
  private List<Path> archives() throws java.io.IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files
          .filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot"))
          .toList();
    }
  }

  @Test
  void onJdk25TheLauncherRecordsAnAotCacheAndMakesItInTheBackground() throws Exception {
    Path jdk = jdk25();
    Assumptions.assumeTrue(jdk != null, "no JDK 25 or later under /usr/lib/jvm");
    String[] args = CHECK;

    LauncherRun first = launchOn(jdk, args);
    // made in the background: wait for the cache, and for the temporary files to be cleared
    Path aot = null;
    boolean busy = true;
    for (int i = 0; i < 600 && (aot == null || busy); i++) {
      Thread.sleep(100);
      try (Stream<Path> files = Files.list(cache)) {
        List<Path> all = files.toList();
        aot = all.stream().filter(f -> f.toString().endsWith(".aot")).findFirst().orElse(null);
        busy = all.stream().anyMatch(f -> f.toString().contains(".tmp"));
      }
    }
    LauncherRun second = launchOn(jdk, args);

    assertThat(aot).as("the AOT cache, made after the first run").isNotNull();
    String golden = Files.readString(Path.of("src/test/resources/golden/drifted.txt"));
    // the JVM's note that it recorded the run never reaches stdout
    assertThat(first.out()).isEqualTo(golden);
    assertThat(second.out()).isEqualTo(golden);
    assertThat(first.err() + second.err()).isEmpty();
  }

  private static Path jdk25() throws java.io.IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      for (Path home : homes.sorted().toList()) {
        Path release = home.resolve("release");
        if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
          java.util.regex.Matcher m =
              java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)")
                  .matcher(Files.readString(release));
          if (m.find() && Integer.parseInt(m.group(1)) >= 25) {
            return home;
          }
        }
      }
    }
    return null;
  }

  @Test
  void aCheckAndTheStubServerRunOnC1OnlyAndTheRecorderKeepsTheOptimisingCompiler()
      throws Exception {
    String check = flags("check-openapi", "--help");
    String stub = flags("stub", "--help");
    String recorder = flags("record", "--help");

    assertThat(check).containsPattern("TieredStopAtLevel\\s+= 1\\b");
    assertThat(check).containsPattern("UseSerialGC\\s+= true\\b");
    // a stub server is done warming up in seconds with C1 only; the serial collector keeps its
    // heap near what it holds
    assertThat(stub).containsPattern("TieredStopAtLevel\\s+= 1\\b");
    assertThat(stub).containsPattern("UseSerialGC\\s+= true\\b");
    assertThat(recorder).containsPattern("TieredStopAtLevel\\s+= 4\\b");
    assertThat(recorder).containsPattern("UseSerialGC\\s+= false\\b");
  }

  // a verification has thousands of methods compiled in its first seconds: two C1 threads for it
  @Test
  void aVerificationCompilesOnTwoC1ThreadsAndACheckOnOne() throws Exception {
    String verify = flags("verify", "--help");
    String check = flags("check-openapi", "--help");

    assertThat(verify).containsPattern("TieredStopAtLevel\\s+= 1\\b");
    assertThat(verify).containsPattern("UseSerialGC\\s+= true\\b");
    assertThat(verify).containsPattern("CICompilerCount\\s+= 2\\b");
    assertThat(check).containsPattern("CICompilerCount\\s+= 1\\b");
  }

  // usage and diff read a whole store: C1 as a check, compiling sooner, with a young generation of
  // a ninth of the heap, collected in memory already touched, and a larger heap for what they keep
  @Test
  void usageAndDiffRunOnC1WithASmallYoungGenerationOfALargerHeap() throws Exception {
    for (String command : List.of("usage", "diff")) {
      String flags = flags(command, "--help");

      assertThat(flags).as(command).containsPattern("TieredStopAtLevel\\s+= 1\\b");
      assertThat(flags).as(command).containsPattern("Tier3InvocationThreshold\\s+= 100\\b");
      assertThat(flags).as(command).containsPattern("Tier3BackEdgeThreshold\\s+= 10000\\b");
      assertThat(flags).as(command).containsPattern("NewRatio\\s+= 8\\b");
      assertThat(flags).as(command).containsPattern("MaxTenuringThreshold\\s+= 1\\b");
      assertThat(flags).as(command).containsPattern("InitialRAMPercentage\\s+= 10\\b");
    }
    String check = flags("check-openapi", "--help");
    assertThat(check).containsPattern("NewRatio\\s+= 2\\b");
    assertThat(check).containsPattern("MaxTenuringThreshold\\s+= 15\\b");
    assertThat(check).containsPattern("Tier3InvocationThreshold\\s+= 200\\b");
  }

  // the JVM's own warnings (here: a young generation that does not fit the heap of a machine of
  // 1 GB) go to standard error, never into a report on standard output
  @Test
  void theJvmsWarningsGoToStandardErrorNotIntoTheReport(@TempDir Path pacts) throws Exception {
    Files.copy(Path.of(PactwireCommandTests.GOOD), pacts.resolve("good-pact.json"));

    LauncherRun run =
        launchIn(
            withCache(Path.of(System.getProperty("java.home")))
                .andThen(env -> env.put("PACTWIRE_OPTS", "-XX:MaxRAM=1g -Xmn256m")),
            LAUNCHER,
            "usage",
            "--provider",
            "orders",
            "--pacts",
            pacts.toString(),
            "--format",
            "json");

    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("[warning][gc");
    assertThat(new ObjectMapper().readTree(run.out()).path("provider").asText())
        .isEqualTo("orders");
  }

  /** The JVM's final flags as the launcher sets them for a command. */
  private String flags(String... args) throws Exception {
    LauncherRun run =
        launchIn(
            withCache(Path.of(System.getProperty("java.home")))
                .andThen(env -> env.put("PACTWIRE_OPTS", "-XX:+PrintFlagsFinal")),
            LAUNCHER,
            args);
    return run.out() + run.err();
  }

  // a service, or `env -i`, may run it without HOME: the command runs, without a class archive
  @Test
  void withoutAHomeFolderTheLauncherRunsTheCommandWithoutACache() throws Exception {
    Consumer<Map<String, String>> noHome =
        env -> {
          env.remove("HOME");
          env.remove("XDG_CACHE_HOME");
          env.remove("PACTWIRE_CACHE");
          env.put("JAVA_HOME", System.getProperty("java.home"));
        };

    LauncherRun version = launchIn(noHome, LAUNCHER, "--version");
    LauncherRun check = launchIn(noHome, LAUNCHER, CHECK);

    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("pactwire ");
    // 1 is the check's verdict, not the launcher stopped by "HOME: unbound variable"
    assertThat(check.exit()).as(check.err()).isEqualTo(1);
    assertThat(check.out())
        .isEqualTo(Files.readString(Path.of("src/test/resources/golden/drifted.txt")));
    assertThat(version.err() + check.err()).isEmpty();
  }

  @Test
  void theLauncherPassesUnreadableInputsExitCodeThrough() throws Exception {
    LauncherRun run =
        launch("check-openapi", "--pact", "no-such-pact.json", "--spec", PactwireCommandTests.SPEC);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("pactwire check-openapi: no-such-pact.json");
  }

  @Test
  void theLauncherVerifiesARunningProviderWithPactJvmsMatching(@TempDir Path pacts)
      throws Exception {
    Files.writeString(
        pacts.resolve("checkout-service-inventory-service.json"), VerifyCommandTests.PACT);
    com.sun.net.httpserver.HttpServer server = provider();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      LauncherRun run =
          launch(
              "verify",
              "--provider",
              "inventory-service",
              "--base-url",
              url,
              "--pacts",
              pacts.toString(),
              "--provider-version",
              "1",
              "--out",
              pacts.resolve("reports").toString());

      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      assertThat(run.out())
          .contains("1) body $.stock: Expected 'twelve' (String) to be an integer")
          .contains("pact verification of inventory-service: 1 passed, 1 failed");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void checksAPactAndExitsOneOnFindings() throws Exception {
    assertThat(JAR).as("the shaded jar built by this module's package phase").exists();
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toString(),
                    "check-openapi",
                    "--pact",
                    PactwireCommandTests.DRIFTED,
                    "--spec",
                    PactwireCommandTests.SPEC,
                    "--format",
                    "json"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(out).isArray()).isTrue();
    assertThat(Files.size(JAR)).isGreaterThan(1_000_000);
  }

  @Test
  void printsHelpAndExitsZero() throws Exception {
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toString(),
                    "--help"))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).contains("check-openapi");
  }
}
