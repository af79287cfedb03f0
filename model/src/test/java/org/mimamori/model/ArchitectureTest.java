package org.mimamori.model;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the domain core a plain library with one direction of dependencies between its packages. */
class ArchitectureTest {

    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mimamori.model");

    @Test
    void packagesFormLayersFromValuesUpToBundles() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("value").definedBy("org.mimamori.model.value..")
                .layer("expr").definedBy("org.mimamori.model.expr..")
                .layer("schema").definedBy("org.mimamori.model.schema..")
                .layer("data").definedBy("org.mimamori.model.data..")
                .layer("encoding").definedBy("org.mimamori.model.encoding..")
                .layer("metrics").definedBy("org.mimamori.model.metrics..", "org.mimamori.model.calibration..")
                .layer("scoring").definedBy("org.mimamori.model.scoring..")
                .layer("bundle").definedBy("org.mimamori.model.bundle..")
                .whereLayer("bundle").mayNotBeAccessedByAnyLayer()
                .whereLayer("scoring").mayOnlyBeAccessedByLayers("bundle")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("scoring", "bundle")
                .whereLayer("encoding").mayOnlyBeAccessedByLayers("scoring", "bundle")
                .whereLayer("data").mayOnlyBeAccessedByLayers("encoding", "scoring", "bundle")
                .whereLayer("schema").mayOnlyBeAccessedByLayers("data", "encoding", "metrics", "scoring", "bundle")
                .whereLayer("expr").mayOnlyBeAccessedByLayers("schema", "data", "encoding", "scoring", "bundle")
                .check(MODEL);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.mimamori.model.(*)..").should().beFreeOfCycles().check(MODEL);
    }

    @Test
    void theDomainCoreKnowsNothingOfSpringOrTheApplications() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.mimamori.api..", "org.mimamori.training..")
                .check(MODEL);
    }
}
