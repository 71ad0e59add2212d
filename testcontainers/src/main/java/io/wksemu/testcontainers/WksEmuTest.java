package io.wksemu.testcontainers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One emulator for the test class: a {@link WksEmuContainer} started before the class and stopped after it,
 * or, when the system property {@value WksEmuExtension#URL_PROPERTY} or the environment variable
 * {@value WksEmuExtension#URL_VARIABLE} names one, an emulator already running (a CI service container).
 * Each test class gets a project of its own, wiped before each test; test methods and lifecycle methods may
 * take a {@link WksEmuInfo} and a {@link WksEmuAdmin} parameter.
 * <pre>{@code
 * @WksEmuTest
 * class UsageReportTest {
 *     @Test
 *     void reportsYesterday(WksEmuInfo emulator, WksEmuAdmin admin) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(WksEmuExtension.class)
public @interface WksEmuTest {

    /** The image of container mode; empty: {@value WksEmuExtension#IMAGE_PROPERTY}, else this module's. */
    String image() default "";
}
