package io.pactwire.provider;

import io.pactwire.provider.internal.VerificationRecorder;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records every interaction pact-jvm verifies in the test class and, when the class finishes,
 * writes the results and reports under {@code target/pactwire/}: {@code results/<provider>.json},
 * {@code <provider>.xml} (JUnit XML), {@code <provider>.md} (also appended to {@code
 * $GITHUB_STEP_SUMMARY}) and {@code <provider>.html}. With {@code pactwire.results.publish=true}
 * (the default when {@code CI=true}) each pact's result also goes to the contract store as one
 * immutable verification record under {@code <pacts>/verifications/}, as {@code pactwire verify
 * --publish} writes it.
 *
 * <p>Failures are rethrown naming the pact file, consumer, provider, interaction, provider state,
 * and each difference's JSON path with expected and actual values.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(VerificationRecorder.class)
public @interface PactwireReports {}
