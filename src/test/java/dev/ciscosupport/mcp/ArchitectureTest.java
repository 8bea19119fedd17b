package dev.ciscosupport.mcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package map, enforced: a request flows from the transports ({@code cli}, {@code http}, {@code server}) through
 * the MCP adapters ({@code tools}, {@code prompts}, {@code resources}, with {@code format} for the text) to the Cisco
 * API clients ({@code cisco.*}), which know nothing of MCP. {@code json}, {@code config} and {@code metrics} sit under
 * everything;
 * the sandbox is Cisco's double and borrows nothing from the client it tests. No package cycles.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.ciscosupport.mcp";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theCiscoClientsKnowNothingOfMcpOrTransports() {
        noClasses().that().resideInAPackage(ROOT + ".cisco..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".tools..", ROOT + ".server..", ROOT + ".http..", ROOT + ".cli..",
                        ROOT + ".prompts..", ROOT + ".resources..", ROOT + ".format..", ROOT + ".security..",
                        ROOT + ".sandbox..", ROOT + ".analysis..", "io.modelcontextprotocol..")
                .check(CLASSES);
    }

    /** The workflows are rules over Cisco's answers, testable on fakes: they know nothing of tools or transports. */
    @Test
    void analysisWorkflowsArePureJavaOverTheApis() {
        noClasses().that().resideInAPackage(ROOT + ".analysis..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".tools..", ROOT + ".server..", ROOT + ".http..", ROOT + ".cli..",
                        ROOT + ".prompts..", ROOT + ".resources..", ROOT + ".format..", ROOT + ".session..",
                        ROOT + ".sandbox..", "io.modelcontextprotocol..")
                .check(CLASSES);
    }

    /**
     * The fleet check reads inventories, plans and judges over the APIs; Smart Bonding's client and messages speak HTTP to
     * Cisco. The tools that offer them (and ask the user to confirm) are elsewhere, the sandbox is the tests'.
     */
    @Test
    void theFleetCheckAndSmartBondingKnowNothingOfToolsOrTransports() {
        noClasses().that().resideInAnyPackage(ROOT + ".fleet..", ROOT + ".smartbonding..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".tools..", ROOT + ".server..", ROOT + ".http..", ROOT + ".cli..",
                        ROOT + ".prompts..", ROOT + ".resources..", ROOT + ".session..", ROOT + ".sandbox..",
                        "io.modelcontextprotocol..")
                .check(CLASSES);
    }

    @Test
    void textFormattingIsPureRendering() {
        noClasses().that().resideInAPackage(ROOT + ".format..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".tools..", ROOT + ".server..", ROOT + ".http..", ROOT + ".cli..",
                        "io.modelcontextprotocol..")
                .check(CLASSES);
    }

    @Test
    void theSandboxIsWrittenFromCiscosDocumentsNotFromOurClient() {
        noClasses().that().resideInAPackage(ROOT + ".sandbox..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".cisco..", ROOT + ".tools..", ROOT + ".server..", ROOT + ".http..",
                        ROOT + ".format..", ROOT + ".config..")
                .check(CLASSES);
    }

    @Test
    void theFoundationsDependOnNothingOfOurs() {
        noClasses().that().resideInAnyPackage(ROOT + ".json..", ROOT + ".config..", ROOT + ".metrics..")
                .should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".cisco..", ROOT + ".tools..", ROOT + ".server..", ROOT + ".http..",
                        ROOT + ".cli..", ROOT + ".prompts..", ROOT + ".resources..", ROOT + ".format..",
                        ROOT + ".security..", ROOT + ".sandbox..")
                .check(CLASSES);
    }

    @Test
    void whatSessionsKeepKnowsNoToolNorTransport() {
        noClasses().that().resideInAPackage(ROOT + ".session..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".tools..", ROOT + ".server..", ROOT + ".http..", ROOT + ".cli..",
                        ROOT + ".prompts..", ROOT + ".resources..", ROOT + ".format..")
                .check(CLASSES);
    }

    @Test
    void onlyTheTransportsAndTheirWiringSeeHttp() {
        noClasses().that().resideInAnyPackage(ROOT + ".tools..", ROOT + ".server..", ROOT + ".prompts..",
                ROOT + ".resources..", ROOT + ".cisco..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".http..").check(CLASSES);
    }
}
