package io.pactwire.provider;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field, or no-argument method, of a {@link PactwireStates} test class that gives the
 * {@link javax.sql.DataSource} state fixtures are applied to. Static or instance; read before each
 * interaction, so it may be set in {@code @BeforeAll}.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface StatesDataSource {}
