package io.pactwire.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactwire.provider.internal.SqlScript.Statement;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SqlScriptTests {

  @Nested
  class Splitting {

    @Test
    void splitsOnSemicolonsAndKeepsEachStatementsFirstLine() {
      List<Statement> statements =
          SqlScript.parse(
              """
              -- header comment
              INSERT INTO a VALUES (1);

              INSERT INTO b
                VALUES (2);
              DELETE FROM c""");

      assertThat(statements)
          .extracting(Statement::sql, Statement::line)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("INSERT INTO a VALUES (1)", 2),
              org.assertj.core.groups.Tuple.tuple("INSERT INTO b\n  VALUES (2)", 4),
              org.assertj.core.groups.Tuple.tuple("DELETE FROM c", 6));
    }

    @Test
    void ignoresSemicolonsInQuotesCommentsAndDollarQuotes() {
      List<Statement> statements =
          SqlScript.parse(
              """
              INSERT INTO t VALUES ('a;b', 'it''s; fine', E'back\\'slash;');
              /* a; block /* nested; */ comment */ SELECT "odd;name" FROM t; -- trailing; comment
              DO $body$ BEGIN PERFORM 1; END $body$;
              SELECT $$x;y$$""");

      assertThat(statements).hasSize(4);
      assertThat(statements.get(0).sql())
          .isEqualTo("INSERT INTO t VALUES ('a;b', 'it''s; fine', E'back\\'slash;')");
      assertThat(statements.get(1).sql()).isEqualTo("SELECT \"odd;name\" FROM t");
      assertThat(statements.get(2).sql()).isEqualTo("DO $body$ BEGIN PERFORM 1; END $body$");
      assertThat(statements.get(2).line()).isEqualTo(3);
      assertThat(statements.get(3).sql()).isEqualTo("SELECT $$x;y$$");
    }

    @Test
    void countsLinesInsideMultiLineLiteralsAndComments() {
      List<Statement> statements =
          SqlScript.parse(
              """
              /* two
                 lines */
              SELECT 'a
              b';
              SELECT $$
              $$;
              SELECT 1""");

      assertThat(statements).extracting(Statement::line).containsExactly(3, 5, 7);
    }

    @Test
    void mapsADatabaseErrorPositionToTheScriptLine() {
      Statement statement = SqlScript.parse("\n\nINSERT INTO t\nSELECT * FROM nope").get(0);

      // position 22 is the 'n' of "nope" on the statement's second line
      assertThat(statement.lineAt(statement.sql().indexOf("nope") + 1)).isEqualTo(4);
      assertThat(statement.lineAt(1)).isEqualTo(3);
    }
  }

  @Nested
  class NamedParameters {

    @Test
    void becomePlaceholdersInOrder() {
      Statement statement =
          SqlScript.parse("INSERT INTO p VALUES (:sku, :price::numeric, :sku)").get(0);

      assertThat(statement.sql()).isEqualTo("INSERT INTO p VALUES (?, ?::numeric, ?)");
      assertThat(statement.parameters()).containsExactly("sku", "price", "sku");
      assertThat(statement.parameterLines()).containsExactly(1, 1, 1);
    }

    @Test
    void rememberTheLineEachIsOn() {
      Statement statement =
          SqlScript.parse("-- c\nUPDATE p\nSET stock = :stock\nWHERE sku = :sku").get(0);

      assertThat(statement.parameterLines()).containsExactly(3, 4);
    }

    @Test
    void areNotSeenInLiteralsCommentsCastsOrArraySlices() {
      Statement statement =
          SqlScript.parse(
                  """
                  SELECT ':not', ":quoted", $$:dollar$$, x::text, a[1:2] -- :comment
                  FROM t /* :block */ WHERE k = :real""")
              .get(0);

      assertThat(statement.parameters()).containsExactly("real");
      assertThat(statement.sql()).contains("':not'", "\":quoted\"", "$$:dollar$$", "x::text");
    }

    @Test
    void positionalPlaceholdersAreRefusedWithTheirLine() {
      assertThatThrownBy(() -> SqlScript.parse("SELECT 1;\nSELECT ?"))
          .isInstanceOfSatisfying(
              SqlScript.SyntaxException.class, e -> assertThat(e.line()).isEqualTo(2))
          .hasMessage("use named parameters (:name), not '?'");
    }
  }

  @Nested
  class Malformed {

    @Test
    void anUnterminatedStringNamesTheLineItOpensOn() {
      assertThatThrownBy(() -> SqlScript.parse("SELECT 1;\n\nSELECT 'open\n;"))
          .isInstanceOfSatisfying(
              SqlScript.SyntaxException.class, e -> assertThat(e.line()).isEqualTo(3))
          .hasMessage("unterminated string literal");
    }

    @Test
    void anUnterminatedDollarQuoteNamesItsTag() {
      assertThatThrownBy(() -> SqlScript.parse("DO $fn$ BEGIN"))
          .hasMessage("unterminated dollar-quoted string $fn$");
    }

    @Test
    void anUnterminatedBlockComment() {
      assertThatThrownBy(() -> SqlScript.parse("SELECT 1 /* /* */"))
          .hasMessage("unterminated /* comment");
    }
  }
}
