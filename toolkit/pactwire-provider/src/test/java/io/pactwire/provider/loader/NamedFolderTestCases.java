package io.pactwire.provider.loader;

import au.com.dius.pact.provider.junitsupport.Provider;
import io.pactwire.provider.PactwirePacts;

/**
 * The stock-service provider test reading its pacts from a folder it names; run by
 * PactwirePactsTests.
 */
public final class NamedFolderTestCases {

  /** The system property {@link FromAProperty} reads its folder from. */
  public static final String FOLDER_PROPERTY = "pactwire.test.contractsFolder";

  private NamedFolderTestCases() {}

  /** A folder relative to the working directory (the module), which holds a pact. */
  @Provider("stock-service")
  @PactwirePacts("src/test/resources/contracts")
  public static class Relative extends StockServiceCase {}

  /** A folder named by a system property. */
  @Provider("stock-service")
  @PactwirePacts("${sys:" + FOLDER_PROPERTY + "}")
  public static class FromAProperty extends StockServiceCase {}

  /** A folder that does not exist. */
  @Provider("stock-service")
  @PactwirePacts("../no-such-contracts")
  public static class Missing extends StockServiceCase {}

  /** A URL where a folder is expected: a Pact Broker is named by the broker attribute. */
  @Provider("stock-service")
  @PactwirePacts("https://contracts.example.com/pacts")
  public static class Url extends StockServiceCase {}
}
