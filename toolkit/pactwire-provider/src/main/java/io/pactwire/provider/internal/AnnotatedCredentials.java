package io.pactwire.provider.internal;

import io.pactwire.provider.Credential;
import io.pactwire.provider.PactwireCredentials;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The extension behind {@link PactwireCredentials} and {@link Credential}. */
public final class AnnotatedCredentials implements BeforeAllCallback, InvocationInterceptor {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AnnotatedCredentials.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    List<CredentialRule> rules = new ArrayList<>();
    for (Credential credential :
        AnnotationSupport.findRepeatableAnnotations(
            context.getRequiredTestClass(), Credential.class)) {
      rules.add(rule(credential, context.getRequiredTestClass()));
    }
    CredentialInjector injector = new CredentialInjector(rules);
    injector.beforeAll(context);
    context.getStore(NAMESPACE).put("injector", injector);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    CredentialInjector injector =
        extensionContext.getStore(NAMESPACE).get("injector", CredentialInjector.class);
    if (injector == null) {
      invocation.proceed();
    } else {
      injector.intercept(invocation, invocationContext, extensionContext);
    }
  }

  private static CredentialRule rule(Credential credential, Class<?> testClass) {
    String origin =
        "@Credential("
            + (credential.header().isEmpty()
                ? "query = \"" + credential.query() + "\""
                : "header = \"" + credential.header() + "\"")
            + ", value = \""
            + credential.value()
            + "\")";
    if (credential.header().isEmpty() == credential.query().isEmpty()) {
      throw new ExtensionConfigurationException(
          "@Credential on "
              + testClass.getSimpleName()
              + " needs exactly one of header = \"...\" or query = \"...\"; it has "
              + (credential.header().isEmpty() ? "neither" : "both"));
    }
    boolean header = !credential.header().isEmpty();
    return new CredentialRule(
        header,
        header ? credential.header() : credential.query(),
        credential.value(),
        null,
        origin);
  }
}
