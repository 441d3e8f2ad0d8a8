package io.pactwire.evolve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ElementTests {

  // a diff orders interactions by this text: it stays the text a record's own toString gives
  @Test
  void textIsTheRecordsComponentsInOrder() {
    Matcher matcher = new Matcher(List.of("type", "regex"), "type and regex \"\\d+\"", 1, null);
    Element element = new Element("body $.items", "array", null, matcher, true, null, 3);

    assertThat(element.toString())
        .isEqualTo(
            "Element[location=body $.items, type=array, example=null, matcher=Matcher[kinds=[type,"
                + " regex], text=type and regex \"\\d+\", min=1, max=null], inherited=true,"
                + " min=null, max=3]");
    assertThat(new Element("status", "integer", "200", null, false, null, null).toString())
        .isEqualTo(
            "Element[location=status, type=integer, example=200, matcher=null, inherited=false,"
                + " min=null, max=null]");
  }
}
