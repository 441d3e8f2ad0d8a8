package io.pactwire.consumer.internal;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.DefaultPactWriter;
import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import io.pactwire.core.PactFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Takes out of the pacts pact-jvm's consumer DSL writes the interactions of tests that are gone, as
 * capture does for its own: pact-jvm merges each run into the file and never removes anything, so
 * once its pacts live in the committed {@code pacts/} (see {@link DslPactsDirectory}), a deleted or
 * renamed test's interaction would stay there for ever and providers would go on verifying it.
 *
 * <p>pact-jvm names the test in {@code comments.testname} as {@code <class>.<display name>}, the
 * display name being {@code method(ParameterTypes)} unless the test sets another. When the run
 * ends, every V4 pact the run changed in the folder pact-jvm writes to ({@code pact.rootDir}) is
 * read, and an interaction is taken out when its test is gone by the rule capture applies ({@link
 * TestClasses#isGone}): its class cannot be loaded and its package is a folder of the test classes
 * this run ran, or the class has no test method of that name. A name in another form (a custom
 * display name, a parameterised invocation) is never taken as gone.
 *
 * <p>The file is rewritten the way pact-jvm writes it: under a lock on the file itself, in place,
 * in pact-jvm's format. A rename would not be safe here: pact-jvm, in another fork, waits for the
 * lock on the file it opened, and would then write into the replaced file and lose its merge.
 * Registered through {@code META-INF/services}.
 */
public final class DslPactPruning implements TestExecutionListener {

  // A file system may keep modification times to the second or two (FAT, some network mounts).
  private static final long CLOCK_SLACK_MILLIS = 2_000;

  // <binary class name>.<method>(<parameter types>), the form of a default display name
  private static final Pattern DSL_TEST_NAME =
      Pattern.compile(
          "((?:[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*\\.)*"
              + "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)"
              + "\\.([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)"
              + "\\([^()]*\\)");

  // a test name as pact-jvm writes one into a pact: no '#', a parenthesis
  private static final Pattern PACT_JVM_TEST_NAME =
      Pattern.compile("\"testname\"\\s*:\\s*\"[^\"#]*\\(");

  private volatile long planStarted;

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    planStarted = System.currentTimeMillis();
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    Optional<TestSource> source = test.getSource();
    if (source.isPresent() && source.get() instanceof ClassSource) {
      TestClasses.noteRoot(((ClassSource) source.get()).getJavaClass());
    } else if (source.isPresent() && source.get() instanceof MethodSource) {
      TestClasses.noteRoot(((MethodSource) source.get()).getJavaClass());
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    String folder = System.getProperty(DslPactsDirectory.PACT_ROOT_DIR);
    if (folder == null || folder.isBlank()) {
      return;
    }
    pruneFolder(
        Path.of(folder),
        FileTime.fromMillis(planStarted - CLOCK_SLACK_MILLIS),
        Thread.currentThread().getContextClassLoader());
  }

  /**
   * Prunes the {@code *.json} pacts directly in {@code folder} changed since {@code since} (those
   * pact-jvm wrote in this run: a pact no test writes any more is not read at every run's end);
   * returns the files rewritten.
   */
  static List<Path> pruneFolder(Path folder, FileTime since, ClassLoader loader) {
    List<Path> rewritten = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return rewritten;
    }
    try (DirectoryStream<Path> pacts = Files.newDirectoryStream(folder, "*.json")) {
      for (Path pact : pacts) {
        if (Files.isRegularFile(pact)
            && Files.getLastModifiedTime(pact).compareTo(since) >= 0
            && prune(pact, loader)) {
          rewritten.add(pact);
        }
      }
    } catch (IOException e) {
      throw new PactFileException(folder, "", "cannot list it: " + e.getMessage(), e);
    }
    return rewritten;
  }

  /**
   * Takes the interactions of gone tests out of one pact.
   *
   * @return whether the file was rewritten
   */
  static boolean prune(Path file, ClassLoader loader) {
    try {
      // Captured pacts (Class#method), and pacts naming no test, are neither locked nor parsed.
      if (!PACT_JVM_TEST_NAME.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw");
        FileLock lock = access.getChannel().lock()) {
      String text = read(access.getChannel());
      Pact pact;
      try {
        JsonValue json = JsonParser.parseString(text);
        if (!(json instanceof JsonValue.Object)) {
          return false;
        }
        pact =
            DefaultPactReader.INSTANCE.pactFromJson(
                (JsonValue.Object) json, new FileSource(file.toFile()));
      } catch (RuntimeException e) {
        // Not a pact pact-jvm can read: left to the provider's reading to report.
        return false;
      }
      if (!(pact instanceof V4Pact)
          || !pact.getInteractions().removeIf(interaction -> isGone(interaction, loader))) {
        return false;
      }
      StringWriter written = new StringWriter();
      try (PrintWriter writer = new PrintWriter(written)) {
        DefaultPactWriter.INSTANCE.writePact(pact, writer, PactSpecVersion.V4);
      }
      byte[] bytes = written.toString().getBytes(StandardCharsets.UTF_8);
      access.seek(0);
      access.write(bytes);
      access.setLength(bytes.length);
      return true;
    } catch (IOException e) {
      throw new PactFileException(file, "", "cannot prune it: " + e.getMessage(), e);
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
      // reads until the buffer holds the whole file
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static boolean isGone(Interaction interaction, ClassLoader loader) {
    if (!(interaction instanceof V4Interaction)) {
      return false;
    }
    JsonValue name = ((V4Interaction) interaction).getComments().get("testname");
    if (!(name instanceof JsonValue.StringValue)) {
      return false;
    }
    return testName(name.asString()).map(test -> TestClasses.isGone(test, loader)).orElse(false);
  }

  /**
   * The test a pact-jvm test name names, as capture names tests ({@code com.x.FooTests#method}),
   * when the name has the form of a default display name.
   */
  static Optional<String> testName(String pactJvmName) {
    Matcher matcher = DSL_TEST_NAME.matcher(pactJvmName);
    return matcher.matches()
        ? Optional.of(matcher.group(1) + "#" + matcher.group(2))
        : Optional.empty();
  }
}
