package io.rhythm.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTemplatesTest {

    private static final String ID = "3f1c2a9e-7b7e-4a43-9d55-0e7f2c1d9a10";
    private static final String STEP = "0b6a1f52-1111-4c4c-8888-2d2d2d2d2d2d";

    @Test
    void aMatchingTemplateGivesTheRouteAndOnlyTheIds() throws Exception {
        RouteTemplates templates = RouteTemplates.of(new ObjectMapper().readTree("""
                {"paths": {"/api/v1/clients": {}, "/api/v1/clients/{id}": {}, "/api/v1/clients/{id}/contacts": {},
                           "/api/v1/workflows/{workflowId}/steps/{stepId}/complete": {},
                           "/api/v1/surveys/respond/{token}": {}, "/api/v1/clients/{id}/360": {}}}"""));

        assertThat(templates.resolve("/api/v1/clients")).isEqualTo(new RouteTemplates.Route("/api/v1/clients", List.of()));
        assertThat(templates.resolve("/api/v1/clients/" + ID)).isEqualTo(new RouteTemplates.Route("/api/v1/clients/{id}", List.of(ID)));
        assertThat(templates.resolve("/api/v1/workflows/" + ID + "/steps/" + STEP + "/complete"))
                .isEqualTo(new RouteTemplates.Route("/api/v1/workflows/{workflowId}/steps/{stepId}/complete", List.of(ID, STEP)));
        assertThat(templates.resolve("/api/v1/surveys/respond/s3cr3t-Token_value"))
                .as("a token is not an id: only its name is kept")
                .isEqualTo(new RouteTemplates.Route("/api/v1/surveys/respond/{token}", List.of()));
        assertThat(templates.resolve("/api/v1/clients/not-a-uuid-but-long-enough-to-be-a-secret-0123456789"))
                .isEqualTo(new RouteTemplates.Route("/api/v1/clients/{id}", List.of()));
    }

    @Test
    void withoutATemplateOnlyLiteralSegmentsAndUuidsAreKept() {
        assertThat(RouteTemplates.none().resolve("/api/v1/surveys/respond/Xy9_aQ-3kLmN0pQrStUv"))
                .isEqualTo(new RouteTemplates.Route("/api/v1/surveys/respond/{value}", List.of()));
        assertThat(RouteTemplates.none().resolve("/api/v1/plans/" + ID.toUpperCase() + "/risks"))
                .isEqualTo(new RouteTemplates.Route("/api/v1/plans/{id}/risks", List.of(ID)));
    }
}
