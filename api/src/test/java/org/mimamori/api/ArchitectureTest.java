package org.mimamori.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The layering of the service: HTTP at the edge (controllers implementing the generated interfaces) calls
 * application services, which alone use persistence (Spring Data repositories and their rows). The domain
 * core {@code org.mimamori.model} never depends on Spring or on the service. Besides those, only the
 * {@code *Views} mappers (stored rows to the contract's types) use the generated contract.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    private static final DescribedPredicate<JavaClass> WEB = new DescribedPredicate<>("the HTTP edge") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAnnotatedWith(RestController.class) || c.isAnnotatedWith(RestControllerAdvice.class)
                    || c.getPackageName().equals("org.mimamori.api.web");
        }
    };
    private static final DescribedPredicate<JavaClass> SERVICES = new DescribedPredicate<>("application services") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAnnotatedWith(Service.class);
        }
    };
    private static final DescribedPredicate<JavaClass> PERSISTENCE = new DescribedPredicate<>("persistence") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAssignableTo(Repository.class) || c.isAnnotatedWith(Table.class);
        }
    };

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mimamori");
    }

    @Test
    void persistenceIsUsedOnlyByServices() {
        classes().that(PERSISTENCE).should().onlyHaveDependentClassesThat(SERVICES.or(PERSISTENCE))
                .check(classes);
    }

    @Test
    void servicesDoNotDependOnTheHttpEdge() {
        noClasses().that(SERVICES).should().dependOnClassesThat(WEB).check(classes);
    }

    @Test
    void persistenceDependsOnNeitherServicesNorTheEdge() {
        noClasses().that(PERSISTENCE).should().dependOnClassesThat(SERVICES.or(WEB)).check(classes);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().that().resideInAPackage("org.mimamori.api..")
                .and().doNotHaveFullyQualifiedName("org.mimamori.api.config.ClockConfiguration")
                .should().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(java.time.Instant.class, "now")
                .because("a service's time is the Clock bean (ClockConfiguration), so tests can set it")
                .check(classes);
    }

    @Test
    void controllersAreNotPublic() {
        classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(classes);
        classes().that().areAnnotatedWith(Service.class).should().notBePublic().check(classes);
    }

    @Test
    void theModelNeverDependsOnSpringOrTheService() {
        noClasses().that().resideInAPackage("org.mimamori.model..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "org.mimamori.api..",
                        "org.mimamori.training..")
                .check(classes);
    }

    @Test
    void theServiceNeverDependsOnTheTrainingModule() {
        // The training module is a test-scope dependency of the service only (the demo bundle is made at build
        // time and shipped as a resource): the jar and the image hold what scoring needs, nothing more.
        noClasses().that().resideInAPackage("org.mimamori.api..").should().dependOnClassesThat()
                .resideInAPackage("org.mimamori.training..")
                .check(classes);
    }

    @Test
    void theGeneratedContractIsUsedOnlyAtTheEdgeAndByServices() {
        classes().that().resideInAPackage("org.mimamori.api.web..").should()
                .onlyHaveDependentClassesThat(WEB.or(SERVICES).or(new DescribedPredicate<>("its own package") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.getPackageName().startsWith("org.mimamori.api.web")
                                || c.getSimpleName().endsWith("Views");
                    }
                }))
                .check(classes);
    }
}
