package dev.marquee;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The stages' packages depend on each other in one direction only, and none of them on the command line at the root:
 * a cycle makes a stage impossible to read, test or replace on its own.
 */
class PackageStructureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importTheProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.marquee");
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("dev.marquee.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void noStageDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.marquee").should().dependOnClassesThat().resideInAPackage("dev.marquee")
                .because("the root package is the command line (Main, Arguments, Pipeline): shared types live in run")
                .check(product);
    }
}
