package io.rhythm.nps.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.testing.ContractFuzzer;
import io.rhythm.platform.testing.RealInfrastructureResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz gate over this service's own document (README "API contract"). */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ContractFuzzTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void everyAnswerIsDocumentedAndNoInputBreaksTheService() {
        SmtpServer.get(); // the mail server is up, as in production: its outage is a documented 503, not bad input
        ContractFuzzer.Report report = ContractFuzzer.againstOwnDocument(port, "admin").run();
        System.out.println("[fuzz] nps-service: " + report);
        assertThat(report.findings()).as(report.toString()).isEmpty();
    }
}
