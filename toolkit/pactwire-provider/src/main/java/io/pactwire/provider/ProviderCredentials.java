package io.pactwire.provider;

import io.pactwire.provider.internal.CredentialInjector;
import io.pactwire.provider.internal.CredentialRule;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Real credentials for verification, given in code: for a token minted per interaction, or values
 * from wherever a test gets its secrets. The same rules as {@link PactwireCredentials} apply.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ProviderCredentials credentials =
 *     ProviderCredentials.newInstance()
 *         .header("Authorization", () -> "Bearer " + identity.mint("inventory:read"))
 *         .query("api_key", "${env:INVENTORY_API_KEY}")
 *         .build();
 * }</pre>
 *
 * <p>Register it on a static field, so that unset variables fail the class before any interaction
 * runs. A supplier is asked once per interaction whose request has the header or parameter.
 *
 * @since 0.1.0
 */
public final class ProviderCredentials implements BeforeAllCallback, InvocationInterceptor {

  private final CredentialInjector injector;

  private ProviderCredentials(List<CredentialRule> rules) {
    this.injector = new CredentialInjector(rules);
  }

  /** Starts a set of credentials. */
  public static Builder newInstance() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    injector.beforeAll(context);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    injector.intercept(invocation, invocationContext, extensionContext);
  }

  /** Collects credentials; each method returns the builder. */
  public static final class Builder {

    private final List<CredentialRule> rules = new ArrayList<>();

    private Builder() {}

    /**
     * Sends {@code value} in header {@code name}; {@code ${env:NAME}} and {@code ${sys:name}} parts
     * are read when the test class starts.
     */
    public Builder header(String name, String value) {
      return add(true, name, Objects.requireNonNull(value, "value"), null);
    }

    /** Sends what {@code value} gives, asked once per interaction, in header {@code name}. */
    public Builder header(String name, Supplier<String> value) {
      return add(true, name, null, Objects.requireNonNull(value, "value"));
    }

    /** Sends {@code value} as query parameter {@code name}; parts as for {@link #header}. */
    public Builder query(String name, String value) {
      return add(false, name, Objects.requireNonNull(value, "value"), null);
    }

    /**
     * Sends what {@code value} gives, asked once per interaction, as query parameter {@code name}.
     */
    public Builder query(String name, Supplier<String> value) {
      return add(false, name, null, Objects.requireNonNull(value, "value"));
    }

    /** The extension, to register with {@code @RegisterExtension}. */
    public ProviderCredentials build() {
      return new ProviderCredentials(rules);
    }

    private Builder add(boolean header, String name, String template, Supplier<String> supplier) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(
            "a credential needs a " + (header ? "header" : "query parameter") + " name");
      }
      String origin =
          "ProviderCredentials "
              + (header ? "header" : "query")
              + "(\""
              + name
              + "\""
              + (template == null ? ", supplier" : ", \"" + template + "\"")
              + ")";
      rules.add(new CredentialRule(header, name, template, supplier, origin));
      return this;
    }
  }
}
