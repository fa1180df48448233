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
 * server: the module, the open common module, and the embedded PostgreSQL every test shares. A
 * module whose beans need other modules' services (call needs campaign and disposition) is started
 * with them ({@code mode = ALL_DEPENDENCIES}), real, rather than with mocks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(extraIncludes = {"common", "database"})
@ActiveProfiles("test")
public @interface ModuleTest {

    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "module")
    String value() default "";

    /** STANDALONE by default; a module whose beans need other modules' services takes them along. */
    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
    ApplicationModuleTest.BootstrapMode mode() default ApplicationModuleTest.BootstrapMode.STANDALONE;
}
