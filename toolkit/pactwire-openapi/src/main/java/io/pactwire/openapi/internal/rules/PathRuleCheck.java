package io.pactwire.openapi.internal.rules;

import io.pactwire.openapi.Finding;
import io.pactwire.openapi.Finding.MockDetails;
import io.pactwire.openapi.Finding.SpecDetails;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.http.HttpChecker;
import io.pactwire.openapi.internal.http.HttpInteraction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a regex on the request path. A path rule matches the whole path, so it is tried with each
 * path parameter's value replaced by a candidate: a path the regex matches whose parameter fails
 * the parameter's schema is an error at the keyword that forbids it. Failing that, a path the regex
 * matches that no operation of the method has (an extra or empty segment, a slash in a parameter)
 * is a warning at {@code [root].paths}: a consumer builds its paths from the template, so such a
 * path is one it does not send, though its mock would accept it.
 */
final class PathRuleCheck {

  private PathRuleCheck() {}

  static void check(HttpSide side, List<Finding> out) {
    List<Rule> rules = side.rules("path");
    HttpChecker checker = side.checker();
    HttpInteraction h = side.h();
    if (rules.isEmpty()) {
      return;
    }
    String path = h.path().startsWith("/") ? h.path() : "/" + h.path();
    HttpChecker.PathMatch example = checker.pathMatch(h, path);
    if (example == null) {
      return; // the example's own path is already a finding
    }
    for (Rule rule : rules) {
      String regex = rule.regex();
      Pattern p = "regex".equals(rule.match()) ? Witnesses.compile(regex) : null;
      if (p == null) {
        continue;
      }
      Finding error = forbiddenParameter(checker, h, path, example, rule, p);
      if (error != null) {
        out.add(error);
        continue;
      }
      String shape = pathWithoutOperation(checker, h, path, example, p);
      if (shape != null) {
        out.add(
            Findings.pathRegexWithoutOperation(regex, shape, h.method().toUpperCase(Locale.ROOT))
                .at(
                    new MockDetails(h.description(), h.state(), rule.location(), rule.matcher()),
                    new SpecDetails("[root].paths", null, null, null)));
      }
    }
  }

  /** The error for a path the regex matches whose parameter fails its schema, or null. */
  private static Finding forbiddenParameter(
      HttpChecker checker,
      HttpInteraction h,
      String path,
      HttpChecker.PathMatch example,
      Rule rule,
      Pattern p) {
    for (int i = 0; i < example.params().size(); i++) {
      HttpChecker.PathParam param = example.params().get(i);
      HttpChecker.Declared declared = checker.declared(h, "path", param.name());
      Located field = declared == null ? null : Located.locate(declared.prepared(), List.of());
      if (field == null) {
        continue;
      }
      String head = path.substring(0, param.start());
      String tail = path.substring(param.end());
      int index = i;
      String witness =
          Witnesses.witness(
              Witnesses.candidates("", path.substring(param.start(), param.end())),
              c -> !c.isEmpty() && !c.matches(".*[/?#].*") && p.matcher(head + c + tail).matches(),
              c -> {
                // the witness must name the same operation, with this parameter taking the value
                HttpChecker.PathMatch m = checker.pathMatch(h, head + c + tail);
                return m == null
                        || !m.template().equals(example.template())
                        || m.params().get(index).end() - m.params().get(index).start() != c.length()
                    ? null
                    : Violations.parameterViolation(field.schema(), c);
              });
      if (witness != null) {
        String keyword = Violations.parameterViolation(field.schema(), witness);
        Scope scope =
            new Scope(h.description(), h.state(), null, declared.prepared(), declared.location());
        return scope.at(
            Findings.pathRegexForbidden(
                rule.regex(),
                head + witness + tail,
                param.name(),
                keyword,
                field.schema().get(keyword)),
            field,
            rule,
            keyword);
      }
    }
    return null;
  }

  /** A path of another shape that the regex matches and no operation of the method has, or null. */
  private static String pathWithoutOperation(
      HttpChecker checker,
      HttpInteraction h,
      String path,
      HttpChecker.PathMatch example,
      Pattern p) {
    Set<String> shapes = new LinkedHashSet<>(List.of(path + "/x", path + "/"));
    for (HttpChecker.PathParam param : example.params()) {
      String head = path.substring(0, param.start());
      String tail = path.substring(param.end());
      shapes.add(head + tail);
      shapes.add(head + path.substring(param.start(), param.end()) + "/x" + tail);
    }
    if (path.lastIndexOf('/') > 0) {
      shapes.add(path.substring(0, path.lastIndexOf('/')));
    }
    for (String shape : shapes) {
      if (p.matcher(shape).matches() && checker.pathMatch(h, shape) == null) {
        return shape;
      }
    }
    return null;
  }
}
