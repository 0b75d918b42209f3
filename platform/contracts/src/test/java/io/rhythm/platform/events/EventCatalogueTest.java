package io.rhythm.platform.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rhythm.platform.events.payload.AccountPlanCreated;
import io.rhythm.platform.events.payload.AlertEscalated;
import io.rhythm.platform.events.payload.AlertRaised;
import io.rhythm.platform.events.payload.AlertStatusChanged;
import io.rhythm.platform.events.payload.CalendarMilestoneDue;
import io.rhythm.platform.events.payload.DeliverableOverdue;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.ContactUpserted;
import io.rhythm.platform.events.payload.ClientLetterSent;
import io.rhythm.platform.events.payload.CycleClosed;
import io.rhythm.platform.events.payload.CycleCreated;
import io.rhythm.platform.events.payload.CycleMilestoneDue;
import io.rhythm.platform.events.payload.DetractorCaseClosed;
import io.rhythm.platform.events.payload.DetractorCaseEscalated;
import io.rhythm.platform.events.payload.DetractorCaseOpened;
import io.rhythm.platform.events.payload.EngagementActivityLogged;
import io.rhythm.platform.events.payload.ExpansionSignalRaised;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.events.payload.ProbeRecorded;
import io.rhythm.platform.events.payload.SegmentMigrated;
import io.rhythm.platform.events.payload.WorkflowCompleted;
import io.rhythm.platform.events.payload.WorkflowStarted;
import io.rhythm.platform.events.payload.WorkflowStepCompleted;
import io.rhythm.platform.events.payload.WorkflowStepOverdue;
import io.rhythm.platform.events.payload.SurveyResponseSubmitted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogueTest {

    static List<EventType> types() {
        return EventCatalogue.all();
    }

    @ParameterizedTest
    @MethodSource("types")
    void goldenSampleValidatesAgainstItsSchema(EventType type) {
        assertThat(EventSchemas.problems(type, EventSchemas.goldenSample(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaRejectsUnknownFieldsAndMissingRequiredOnes(EventType type) {
        ObjectNode extra = EventSchemas.goldenSample(type).deepCopy();
        extra.put("unexpectedField", 1);
        assertThat(EventSchemas.problems(type, extra)).anySatisfy(p -> assertThat(p).contains("unexpectedField"));

        ObjectNode empty = Json.mapper().createObjectNode();
        assertThat(EventSchemas.problems(type, empty)).isNotEmpty();
    }

    @Test
    void goldenSamplesMapOntoThePayloadTypes() {
        Map<EventType, Class<?>> payloads = Map.ofEntries(
                Map.entry(EventCatalogue.PROBE_RECORDED, ProbeRecorded.class),
                Map.entry(EventCatalogue.SATISFACTION_ACTION_PLAN_REQUIRED, io.rhythm.platform.events.payload.SatisfactionActionPlanRequired.class),
                Map.entry(EventCatalogue.SATISFACTION_ACTION_PLAN_NO_LONGER_REQUIRED, io.rhythm.platform.events.payload.SatisfactionActionPlanNoLongerRequired.class),
                Map.entry(EventCatalogue.CADENCE_BREACHED, io.rhythm.platform.events.payload.CadenceBreached.class),
                Map.entry(EventCatalogue.CLIENT_UPSERTED, ClientUpserted.class),
                Map.entry(EventCatalogue.HEALTH_SCORE_CHANGED, HealthScoreChanged.class),
                Map.entry(EventCatalogue.CONTACT_UPSERTED, ContactUpserted.class),
                Map.entry(EventCatalogue.CYCLE_CREATED, CycleCreated.class),
                Map.entry(EventCatalogue.CYCLE_MILESTONE_DUE, CycleMilestoneDue.class),
                Map.entry(EventCatalogue.CYCLE_CLOSED, CycleClosed.class),
                Map.entry(EventCatalogue.SURVEY_RESPONSE_SUBMITTED, SurveyResponseSubmitted.class),
                Map.entry(EventCatalogue.DETRACTOR_CASE_OPENED, DetractorCaseOpened.class),
                Map.entry(EventCatalogue.DETRACTOR_CASE_ESCALATED, DetractorCaseEscalated.class),
                Map.entry(EventCatalogue.DETRACTOR_CASE_CLOSED, DetractorCaseClosed.class),
                Map.entry(EventCatalogue.SEGMENT_MIGRATED, SegmentMigrated.class),
                Map.entry(EventCatalogue.ACCOUNT_PLAN_CREATED, AccountPlanCreated.class),
                Map.entry(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED, EngagementActivityLogged.class),
                Map.entry(EventCatalogue.ALERT_RAISED, AlertRaised.class),
                Map.entry(EventCatalogue.ALERT_ESCALATED, AlertEscalated.class),
                Map.entry(EventCatalogue.ALERT_STATUS_CHANGED, AlertStatusChanged.class),
                Map.entry(EventCatalogue.EXPANSION_SIGNAL_RAISED, ExpansionSignalRaised.class),
                Map.entry(EventCatalogue.CLIENT_LETTER_SENT, ClientLetterSent.class),
                Map.entry(EventCatalogue.WORKFLOW_STARTED, WorkflowStarted.class),
                Map.entry(EventCatalogue.WORKFLOW_STEP_COMPLETED, WorkflowStepCompleted.class),
                Map.entry(EventCatalogue.WORKFLOW_COMPLETED, WorkflowCompleted.class),
                Map.entry(EventCatalogue.WORKFLOW_STEP_OVERDUE, WorkflowStepOverdue.class),
                Map.entry(EventCatalogue.RENEWAL_WINDOW_OPENED, io.rhythm.platform.events.payload.RenewalWindowOpened.class),
                Map.entry(EventCatalogue.RENEWAL_OUTCOME_RECORDED, io.rhythm.platform.events.payload.RenewalOutcomeRecorded.class),
                Map.entry(EventCatalogue.SATISFACTION_ACTION_PLAN_OVERDUE,
                        io.rhythm.platform.events.payload.SatisfactionActionPlanOverdue.class),
                Map.entry(EventCatalogue.CALENDAR_MILESTONE_DUE, CalendarMilestoneDue.class),
                Map.entry(EventCatalogue.DELIVERABLE_OVERDUE, DeliverableOverdue.class));
        assertThat(payloads.keySet()).containsExactlyInAnyOrderElementsOf(EventCatalogue.all());
        payloads.forEach((type, payload) -> {
            Object read = Json.read(EventSchemas.goldenSample(type), payload);
            // a payload written back must still satisfy the schema: the record and the schema agree
            assertThat(EventSchemas.problems(type, Json.tree(read))).as(type.type()).isEmpty();
        });
    }

    @Test
    void clientUpsertedCarriesCustomerSinceAndTheExpansionStageAdditively() {
        ObjectNode sample = EventSchemas.goldenSample(EventCatalogue.CLIENT_UPSERTED).deepCopy();
        ClientUpserted read = Json.read(sample, ClientUpserted.class);
        assertThat(read.customerSince()).isEqualTo(java.time.LocalDate.of(2019, 7, 1));

        sample.put("lifecycleStage", "EXPANSION");
        assertThat(EventSchemas.problems(EventCatalogue.CLIENT_UPSERTED, sample)).isEmpty();
        ObjectNode older = sample.deepCopy();
        older.remove("customerSince"); // producers before the field: still valid, read as unknown
        assertThat(EventSchemas.problems(EventCatalogue.CLIENT_UPSERTED, older)).isEmpty();
        assertThat(Json.read(older, ClientUpserted.class).customerSince()).isNull();
        sample.put("customerSince", "1 July 2019");
        assertThat(EventSchemas.problems(EventCatalogue.CLIENT_UPSERTED, sample)).hasSize(1);
        sample.put("customerSince", "2019-07-01");
        sample.put("lifecycleStage", "GROWTH");
        assertThat(EventSchemas.problems(EventCatalogue.CLIENT_UPSERTED, sample)).hasSize(1);
    }

    @Test
    void renewalOutcomeRecordedKnowsOnlyPlanningsOutcomesAndMoneyAsDecimalStrings() {
        ObjectNode sample = EventSchemas.goldenSample(EventCatalogue.RENEWAL_OUTCOME_RECORDED).deepCopy();
        var read = Json.read(sample, io.rhythm.platform.events.payload.RenewalOutcomeRecorded.class);
        assertThat(read.contractEndDate()).isEqualTo(java.time.LocalDate.of(2026, 6, 30));
        assertThat(read.newAnnualRevenue().amount()).isEqualTo("520000.00");
        ObjectNode churned = sample.deepCopy();
        churned.put("outcome", "CHURNED");
        churned.putNull("newAnnualRevenue");
        assertThat(EventSchemas.problems(EventCatalogue.RENEWAL_OUTCOME_RECORDED, churned)).isEmpty();
        sample.put("outcome", "LOST");
        ((ObjectNode) sample.get("newAnnualRevenue")).put("amount", "520000.005");
        assertThat(EventSchemas.problems(EventCatalogue.RENEWAL_OUTCOME_RECORDED, sample)).hasSize(2);
    }

    @Test
    void formatsAreAsserted() {
        ObjectNode sample = EventSchemas.goldenSample(EventCatalogue.CYCLE_CREATED).deepCopy();
        sample.put("openDate", "7 October 2026");
        sample.put("cycleId", "not-a-uuid");
        assertThat(EventSchemas.problems(EventCatalogue.CYCLE_CREATED, sample)).hasSize(2);
    }

    @Test
    void typesFollowTheNamingConventionAndResolveByName() {
        for (EventType type : EventCatalogue.all()) {
            assertThat(type.topic()).matches("[a-z]+(\\.[a-z]+)*\\.v\\d+");
            assertThat(type.source()).startsWith("/rhythm/");
            assertThat(EventCatalogue.byType(type.type())).contains(type);
        }
        assertThat(EventCatalogue.byType("io.rhythm.health.Nope.v1")).isEmpty();
        assertThatThrownBy(() -> new EventType("health.ClientUpserted", "clients.v1", "/rhythm/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requireValidNamesEveryProblem() {
        assertThatThrownBy(() -> EventSchemas.requireValid(EventCatalogue.PROBE_RECORDED, Json.mapper().createObjectNode()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("probeId")
                .hasMessageContaining("label");
    }
}
