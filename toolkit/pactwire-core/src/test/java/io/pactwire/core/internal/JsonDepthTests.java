package io.pactwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonDepthTests {

  private static byte[] nested(int levels) {
    return ("[".repeat(levels) + "]".repeat(levels)).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void deeperThanPactJvmReadsIsTooDeepAndNoDeeperIsNot() {
    assertThat(JsonDepth.tooDeep(nested(JsonDepth.MAX))).isFalse();
    assertThat(JsonDepth.tooDeep(nested(JsonDepth.MAX + 1))).isTrue();
    assertThat(JsonDepth.tooDeep(null)).isFalse();
  }

  // brackets in strings, escaped quotes among them, are text
  @Test
  void bracketsInStringsAreNotCounted() {
    String text = "{\"a\": \"" + "[{".repeat(300) + "\\\"" + "[".repeat(300) + "\"}";

    assertThat(JsonDepth.tooDeep(text.getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  // a binary body's bytes hold brackets too: a count of them is no nesting
  @Test
  void aBodyThatIsNotJsonIsNeverTooDeep() {
    byte[] binary = nested(JsonDepth.MAX + 1);
    binary[5] = 0x01;
    byte[] text = ("x" + "[".repeat(JsonDepth.MAX + 1)).getBytes(StandardCharsets.UTF_8);

    assertThat(JsonDepth.tooDeep(binary)).isFalse();
    assertThat(JsonDepth.tooDeep(text)).isFalse();
    assertThat(JsonDepth.tooDeep(new byte[0])).isFalse();
  }
}
