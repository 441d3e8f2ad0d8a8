package io.pactwire.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReportSettingsTests {

  @Nested
  class Publishing {

    @Test
    void isOffForALocalBuild() {
      assertThat(ReportSettings.publish(null, Map.of())).isFalse();
    }

    @Test
    void isOnByDefaultInCi() {
      assertThat(ReportSettings.publish(null, Map.of("CI", "true"))).isTrue();
    }

    @Test
    void thePropertyWinsOverCi() {
      assertThat(ReportSettings.publish("false", Map.of("CI", "true"))).isFalse();
      assertThat(ReportSettings.publish("true", Map.of())).isTrue();
    }
  }

  @Nested
  class Version {

    @Test
    void thePropertyComesFirst() {
      assertThat(
              ProviderVersion.version(
                  key -> key.equals("pactwire.provider.version") ? "2.0.0" : null,
                  Map.of("GIT_COMMIT", "abc", "GITHUB_SHA", "def")))
          .isEqualTo("2.0.0");
    }

    @Test
    void thenJenkinsThenGitHubActions() {
      assertThat(
              ProviderVersion.version(
                  key -> null, Map.of("GIT_COMMIT", "abc", "GITHUB_SHA", "def")))
          .isEqualTo("abc");
      assertThat(ProviderVersion.version(key -> null, Map.of("GITHUB_SHA", "def")))
          .isEqualTo("def");
    }

    @Test
    void fromGitItIsTheCommitMarkedDirtyWhenTheWorkingTreeHasChanges() {
      ProviderVersion.Git clean = args -> args[0].equals("rev-parse") ? "abc1234\n" : "";
      ProviderVersion.Git dirty =
          args -> args[0].equals("rev-parse") ? "abc1234\n" : " M src/Main.java\n";

      assertThat(ProviderVersion.version(key -> null, Map.of(), clean)).isEqualTo("abc1234");
      assertThat(ProviderVersion.version(key -> null, Map.of(), dirty)).isEqualTo("abc1234-dirty");
    }

    @Test
    void aVersionGivenByCiIsNotAskedAboutTheWorkingTree() {
      ProviderVersion.Git dirty = args -> args[0].equals("rev-parse") ? "abc" : " M x";

      assertThat(ProviderVersion.version(key -> null, Map.of("GITHUB_SHA", "def"), dirty))
          .isEqualTo("def");
    }

    @Test
    void withoutGitItIsUnknown() {
      assertThat(ProviderVersion.version(key -> null, Map.of(), args -> null)).isEqualTo("unknown");
    }

    @Test
    void aPullRequestsBranchIsItsHeadRef() {
      assertThat(
              ProviderVersion.branch(
                  key -> null,
                  Map.of("GITHUB_HEAD_REF", "feature/x", "GITHUB_REF_NAME", "42/merge")))
          .isEqualTo("feature/x");
    }
  }

  @Nested
  class Escaping {

    private final VerificationRun hostile =
        new VerificationRun(
            "inventory-service",
            "1",
            "main",
            false,
            List.of(
                new PactResult(
                    "<script>alert(1)</script>",
                    "a&b.json",
                    "00",
                    "t",
                    false,
                    List.of(
                        new InteractionResult(
                            "a \"quoted\" | piped <b>description</b>",
                            List.of("'state'"),
                            false,
                            "failed: <img src=x onerror=alert(1)> & \u0001",
                            List.of(new Difference("body", "$.a", "<x>", "'y'", "m")),
                            new Exchange("GET /?a=<b>", "200\n\n<x/>", "200\n\n<y/>"))))));

    @Test
    void htmlCarriesNoMarkupFromResults() {
      String html = HtmlReport.render(hostile);

      assertThat(html)
          .doesNotContain("<script>", "<img", "<b>", "<x>", "<y/>")
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
          .contains("a &quot;quoted&quot; | piped &lt;b&gt;description&lt;/b&gt;")
          .contains("<span class=\"del\">&lt;x/&gt;</span>")
          .contains("<span class=\"ins\">&lt;y/&gt;</span>");
    }

    @Test
    void junitXmlEscapesAttributesTextAndControlCharacters() {
      String xml = JunitXmlReport.render(hostile);

      assertThat(xml)
          .contains("name=\"a &quot;quoted&quot; | piped &lt;b&gt;description&lt;/b&gt;\"")
          .contains("failed: &lt;img src=x onerror=alert(1)&gt; &amp; \\u0001")
          .doesNotContain("\u0001");
    }

    @Test
    void markdownKeepsTablesIntact() {
      String markdown = MarkdownReport.render(hostile);

      assertThat(markdown)
          .contains("| a \"quoted\" \\| piped \\<b\\>description\\</b\\> |")
          .contains("<summary>&lt;script&gt;alert(1)&lt;/script&gt;: a &quot;quoted&quot;");
    }
  }
}
