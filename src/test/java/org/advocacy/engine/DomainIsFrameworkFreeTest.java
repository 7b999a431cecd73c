package org.advocacy.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The vote rules, the campaign model and the UN reference data are plain Java: no web, workflow or JSON framework types. */
@AnalyzeClasses(packages = "org.advocacy.engine",
        importOptions = {ImportOption.DoNotIncludeTests.class, DomainIsFrameworkFreeTest.MainClassesOnly.class})
class DomainIsFrameworkFreeTest {

    /** Leaves out test classes wherever the build puts them (-DbuildDirectory may move them out of target/). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    private static final String[] FRAMEWORKS = {
            "org.springframework..", "org.camunda..", "jakarta.servlet..", "com.fasterxml.jackson.."};

    @ArchTest
    static final ArchRule votes_are_framework_free = noClasses()
            .that().resideInAPackage("..engine.votes..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("vote semantics (SPEC §4) are pure domain logic");

    @ArchTest
    static final ArchRule campaign_model_is_framework_free = noClasses()
            .that().resideInAPackage("org.advocacy.engine.campaign")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("the campaign model is pure domain logic");

    @ArchTest
    static final ArchRule reference_data_is_framework_free = noClasses()
            .that().resideInAPackage("org.advocacy.engine.reference")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("the UN reference data and its checks are pure domain logic; storing loaded years is not");
}
