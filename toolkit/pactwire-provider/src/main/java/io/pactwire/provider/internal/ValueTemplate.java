package io.pactwire.provider.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with {@code ${env:NAME}} and {@code ${sys:name}} parts, as annotations take it: {@code
 * Bearer ${env:INVENTORY_TOKEN}}.
 */
public final class ValueTemplate {

  private static final Pattern PART = Pattern.compile("\\$\\{([^}]*)}");

  /** A resolved template: the whole value and the parts that came from the environment. */
  public record Resolved(String value, List<String> substituted) {}

  private ValueTemplate() {}

  /**
   * Resolves {@code template}, reading variables and properties from the running JVM.
   *
   * @param what what the value is for, as failure messages name it: {@code header Authorization}
   * @throws IllegalArgumentException naming the variable and {@code what}, when one is unset or
   *     empty, or the template has a part that is neither {@code env:} nor {@code sys:}
   */
  public static Resolved resolve(String template, String what) {
    return resolve(template, what, System::getenv, System::getProperty);
  }

  static Resolved resolve(
      String template,
      String what,
      UnaryOperator<String> environment,
      UnaryOperator<String> properties) {
    Matcher part = PART.matcher(template);
    StringBuilder value = new StringBuilder();
    List<String> substituted = new ArrayList<>();
    while (part.find()) {
      String name = part.group(1);
      String found;
      if (name.startsWith("env:") && name.length() > 4) {
        found = environment.apply(name.substring(4));
        if (found == null || found.isEmpty()) {
          throw new IllegalArgumentException(
              "environment variable "
                  + name.substring(4)
                  + " is not set"
                  + (found == null ? "" : " (it is empty)")
                  + ": it gives the value of "
                  + what);
        }
      } else if (name.startsWith("sys:") && name.length() > 4) {
        found = properties.apply(name.substring(4));
        if (found == null || found.isEmpty()) {
          throw new IllegalArgumentException(
              "system property "
                  + name.substring(4)
                  + " is not set"
                  + (found == null ? "" : " (it is empty)")
                  + ": it gives the value of "
                  + what);
        }
      } else {
        throw new IllegalArgumentException(
            "'${"
                + name
                + "}' in the value of "
                + what
                + " is neither ${env:NAME} (an environment variable) nor ${sys:name} (a system"
                + " property)");
      }
      substituted.add(found);
      part.appendReplacement(value, Matcher.quoteReplacement(found));
    }
    part.appendTail(value);
    return new Resolved(value.toString(), List.copyOf(substituted));
  }
}
