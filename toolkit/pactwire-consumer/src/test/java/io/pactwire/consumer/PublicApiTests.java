package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Public API never names a type of an {@code .internal} package (InteractionConflict, say). */
class PublicApiTests {

  @Test
  void noPublicSignatureNamesAnInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    List<Class<?>> api = apiClasses();
    assertThat(api)
        .contains(PactwireWireMockExtension.class, PactwireWireMockExtension.Builder.class);
    for (Class<?> type : api) {
      check(leaks, type.getName() + " extends", String.valueOf(type.getGenericSuperclass()));
      for (var i : type.getGenericInterfaces()) {
        check(leaks, type.getName() + " implements", i.getTypeName());
      }
      for (Method m : type.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic()) {
          check(leaks, type.getName(), m.toGenericString());
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (visible(c.getModifiers())) {
          check(leaks, type.getName(), c.toGenericString());
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (visible(f.getModifiers())) {
          check(leaks, type.getName(), f.toGenericString());
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static void check(List<String> leaks, String where, String signature) {
    if (signature.contains(".internal.")) {
      leaks.add(where + ": " + signature);
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** The public classes of io.pactwire.consumer, as compiled. */
  private static List<Class<?>> apiClasses()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir =
        Path.of(
                PactwireWireMockExtension.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
            .resolve("io/pactwire/consumer");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name = f.getFileName().toString().replace(".class", "");
        Class<?> type =
            Class.forName(
                "io.pactwire.consumer." + name, false, PublicApiTests.class.getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) {
          out.add(type);
        }
      }
    }
    return out;
  }
}
