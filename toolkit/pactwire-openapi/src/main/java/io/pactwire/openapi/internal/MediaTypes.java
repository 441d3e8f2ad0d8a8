package io.pactwire.openapi.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Content negotiation between a pact's media type (or Accept list) and a spec's media types. */
public final class MediaTypes {

  private static final Pattern QUALITY = Pattern.compile(".*;q=([01].?\\d*)");
  private static final Pattern QUALITY_PARAMETER = Pattern.compile(";q=[01].?\\d*");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private MediaTypes() {}

  // a pact repeats a handful of media types in every interaction; matching parses and sorts
  private static final Map<String, Optional<String>> MATCHED = new ConcurrentHashMap<>();

  /** Returns the spec media type that the requested type (or Accept list) selects, or null. */
  public static String match(String requested, List<String> available) {
    // a line break cannot occur in a header value, so it separates the parts of the key
    String key = requested + "\n" + String.join("\n", available);
    Optional<String> known = MATCHED.get(key);
    if (known == null) {
      known = Optional.ofNullable(negotiate(requested, available));
      if (MATCHED.size() < 4096) {
        MATCHED.put(key, known);
      }
    }
    return known.orElse(null);
  }

  private static String negotiate(String requested, List<String> available) {
    List<String> accept = new ArrayList<>();
    for (String a : requested.split(",")) {
      accept.add(WHITESPACE.matcher(a).replaceAll("").toLowerCase(Locale.ROOT));
    }
    accept.sort(Comparator.comparingDouble(MediaTypes::quality).reversed());
    accept.replaceAll(a -> QUALITY_PARAMETER.matcher(a).replaceFirst(""));
    List<String> avail = new ArrayList<>();
    for (String t : available) {
      avail.add(WHITESPACE.matcher(t).replaceAll("").toLowerCase(Locale.ROOT));
    }
    for (String a : accept) {
      int i = avail.indexOf(a);
      if (i >= 0) {
        return available.get(i);
      }
    }
    accept.replaceAll(MediaTypes::base);
    List<String> availBase = new ArrayList<>(avail);
    availBase.replaceAll(MediaTypes::base);
    for (String a : accept) {
      int i = availBase.indexOf(a);
      if (i >= 0) {
        return available.get(i);
      }
    }
    for (String a : accept) {
      for (int i = 0; i < availBase.size(); i++) {
        String t = availBase.get(i);
        if (type(t).equals(type(a)) && eq(subtype(t), subtype(a))) {
          return available.get(i);
        }
      }
    }
    for (String a : accept) {
      for (int i = 0; i < availBase.size(); i++) {
        String t = availBase.get(i);
        if ("*".equals(subtype(t)) && type(t).equals(type(a))) {
          return available.get(i);
        }
      }
    }
    if (availBase.contains("*/*")) {
      return "*/*";
    }
    for (String a : accept) {
      for (int i = 0; i < availBase.size(); i++) {
        String t = availBase.get(i);
        if ("*".equals(subtype(a)) && type(t).equals(type(a))) {
          return available.get(i);
        }
      }
    }
    if (accept.contains("*/*") && !available.isEmpty()) {
      return available.get(0);
    }
    return null;
  }

  private static boolean eq(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static double quality(String a) {
    Matcher m = QUALITY.matcher(a);
    if (m.matches()) {
      try {
        return Double.parseDouble(m.group(1));
      } catch (NumberFormatException e) {
        return 1.0;
      }
    }
    return 1.0;
  }

  private static String base(String t) {
    return t.split(";", -1)[0];
  }

  private static String type(String t) {
    return t.split("/", -1)[0];
  }

  private static String subtype(String t) {
    String[] p = t.split("/", -1);
    if (p.length < 2) {
      return null;
    }
    String[] ext = p[1].split("\\+", -1);
    return ext[ext.length - 1];
  }

  /** Whether a body of this media type can be validated against a JSON schema. */
  public static boolean validatable(String contentType, boolean multipart) {
    List<String> types =
        new ArrayList<>(List.of("application/json", "application/x-www-form-urlencoded"));
    if (multipart) {
      types.add("multipart/form-data");
    }
    return match(contentType, types) != null;
  }
}
