package org.hrmlab.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module wall of house-style A: the engine knows no JavaFX; the views know neither ND4J nor the engine. */
class ModuleWallTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hrmlab");
    }

    @Test
    void engineDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("org.hrmlab.engine..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void visualizersUseNeitherNd4jNorTheEngine() {
        noClasses().that().resideInAPackage("org.hrmlab.viz..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.hrmlab.engine..")
                .check(classes);
    }

    @Test
    void puzzlesUseNeitherJavaFxNorNd4j() {
        noClasses().that().resideInAPackage("org.hrmlab.puzzles..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.nd4j..", "org.hrmlab.engine..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void appPortsStayFreeOfNd4j() {
        noClasses().that().resideInAnyPackage("org.hrmlab.app.inspector..", "org.hrmlab.app.puzzle..",
                        "org.hrmlab.app.training..", "org.hrmlab.app.shell..")
                .should().dependOnClassesThat().resideInAPackage("org.nd4j..")
                .check(classes);
    }
}
