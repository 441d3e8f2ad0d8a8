package io.pactwire.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The contract store and deploy gate, as every command uses it: one implementation keeps plain
 * files in the repository ({@link FileContractStore}); another may speak to a Pact Broker.
 *
 * <p>Every method either does all it is asked or nothing: input it cannot act on (a pact that
 * cannot be read, an unknown pacticipant, a version never published, a corrupt record) fails with a
 * {@link StoreException} before anything is written.
 *
 * @since 0.1.0
 */
public interface ContractStore {

  /**
   * Records that a consumer version publishes the given pacts (each names its consumer and
   * provider). Publishing the same pact again for the same version changes nothing.
   *
   * @param branch the consumer's branch; may be null
   * @return one publication per pact, as recorded
   * @throws StoreException when a pact cannot be read, or the version already published a different
   *     pact for the same provider
   */
  List<Publication> publish(String consumerVersion, String branch, List<Path> pactFiles);

  /**
   * Records a provider version's verification of a pact version.
   *
   * @throws StoreException when a name cannot be recorded
   */
  Verification recordVerification(Verification verification);

  /**
   * Records that a version is now deployed to an environment, replacing the one deployed before.
   *
   * @throws StoreException when the pacticipant or the version is unknown
   */
  Deployment recordDeployment(String pacticipant, String version, String environment);

  /**
   * Records that a version is released to an environment, alongside earlier releases.
   *
   * @throws StoreException when the pacticipant or the version is unknown
   */
  Release recordRelease(String pacticipant, String version, String environment);

  /** The rows of the matrix the query asks for. */
  Matrix matrix(MatrixQuery query);

  /**
   * Whether a version of a pacticipant can be deployed to the target: for every integration (as
   * consumer and as provider) with the versions in the target, a successful verification of the
   * pact version between them.
   *
   * @throws StoreException when the pacticipant or the version is unknown, or a record it reads is
   *     corrupt
   */
  default CanIDeployResult canIDeploy(String pacticipant, String version, Target target) {
    return canIDeploy(pacticipant, version, target, Set.of());
  }

  /**
   * As {@link #canIDeploy(String, String, Target)}, with the integrations with the {@code ignored}
   * pacticipants shown but allowed (a third party that never verifies, say).
   */
  CanIDeployResult canIDeploy(
      String pacticipant, String version, Target target, Set<String> ignored);

  /**
   * The pacts that changed since a git revision: new pacts and pacts whose version differs. Their
   * providers must verify them again.
   *
   * @throws StoreException when the revision is unknown or git cannot be run
   */
  List<Change> changed(String sinceRevision);
}
