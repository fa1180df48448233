package io.agentcalls.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A slice of one feature module, for tests that need its beans and the database but not the whole
 * server: the module, the open common module, and the embedded PostgreSQL every test shares. Beans
 * of other modules the slice needs are mocked by the test (Spring Modulith's default bootstrap).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(extraIncludes = {"common", "database"})
@ActiveProfiles("test")
public @interface ModuleTest {

    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "module")
    String value() default "";
}
