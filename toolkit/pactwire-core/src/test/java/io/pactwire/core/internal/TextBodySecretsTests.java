package io.pactwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TextBodySecretsTests {

  @Nested
  class Xml {

    // pact-jvm names a node by its name as written, prefix and all: a rule at the local name's
    // path would never apply to a SOAP body
    @Test
    void prefixedElementsGetPactJvmsPathsInBrackets() {
      TextBodySecrets.Redacted r =
          TextBodySecrets.xml(
              "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                  + "<soap:Body><login xmlns:wsse=\"urn:wsse\"><user>ada</user>"
                  + "<wsse:Password>s3cret-pw</wsse:Password></login></soap:Body>"
                  + "</soap:Envelope>",
              Secrets::isSecretField);

      assertThat(r.body()).doesNotContain("s3cret-pw").contains("<user>ada</user>");
      assertThat(r.paths())
          .containsExactly("$['soap:Envelope']['soap:Body'].login['wsse:Password']['#text']");
      assertThat(r.values()).contains("s3cret-pw");
    }

    @Test
    void attributesAreRedactedButNotNamespaceDeclarations() {
      TextBodySecrets.Redacted r =
          TextBodySecrets.xml(
              "<auth xmlns:token=\"urn:t\" session-token=\"tok-1\"><token:id>7</token:id></auth>",
              Secrets::isSecretField);

      assertThat(r.body()).contains("xmlns:token=\"urn:t\"").doesNotContain("tok-1");
      assertThat(r.paths()).containsExactly("$.auth['@session-token']");
    }

    @Test
    void aByteOrderMarkOrBlankLinesBeforeTheDeclarationAreRead() {
      TextBodySecrets.Redacted r =
          TextBodySecrets.xml(
              "\uFEFF\n  <?xml version=\"1.0\"?><login><password>pw-1</password></login>",
              Secrets::isSecretField);

      assertThat(r.body()).doesNotContain("pw-1");
      assertThat(r.paths()).containsExactly("$.login.password['#text']");
    }

    @Test
    void mixedContentAndCdataAreRedacted() {
      TextBodySecrets.Redacted r =
          TextBodySecrets.xml(
              "<login><password>pw-2<b/></password><token><![CDATA[tok-2]]></token></login>",
              Secrets::isSecretField);

      assertThat(r.body()).doesNotContain("pw-2").doesNotContain("tok-2").contains("<b/>");
    }

    // the parser refuses a DOCTYPE (no entity is ever resolved): the secret is still redacted,
    // where the text shows it, with no rule
    @Test
    void xmlThisParserDoesNotReadHasItsCredentialsRedactedInItsText() {
      TextBodySecrets.Redacted r =
          TextBodySecrets.xml(
              "<!DOCTYPE login><login api_key='k-3'><password>pw-s3cret-3</password><user>ada</user>",
              Secrets::isSecretField);

      assertThat(r.body())
          .isEqualTo(
              "<!DOCTYPE login><login api_key='&lt;redacted&gt;'><password>&lt;redacted&gt;"
                  + "</password><user>ada</user>");
      assertThat(r.paths()).isEmpty();
      assertThat(r.values()).contains("pw-s3cret-3");
    }

    @Test
    void aBodyWithoutCredentialsIsLeftAsItIs() {
      assertThat(TextBodySecrets.xml("<order><id>1</id></order>", Secrets::isSecretField)).isNull();
      assertThat(TextBodySecrets.xml("not xml at all", Secrets::isSecretField)).isNull();
    }
  }

  @Nested
  class Forms {

    @Test
    void fieldsNamedAsCredentialsAreRedactedEncodedOrNot() {
      TextBodySecrets.Redacted r =
          TextBodySecrets.redact(
              "grant_type=password&password=p%40ss-w0rd&client%5Fsecret=cs-s3cret-1&user=ada",
              "application/x-www-form-urlencoded; charset=UTF-8", Secrets::isSecretField);

      assertThat(r.body())
          .isEqualTo("grant_type=password&password=<redacted>&client%5Fsecret=<redacted>&user=ada");
      assertThat(r.paths()).containsExactly("$.password", "$.client_secret");
      assertThat(r.values()).contains("p@ss-w0rd", "p%40ss-w0rd", "cs-s3cret-1");
    }
  }
}
