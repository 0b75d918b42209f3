package io.rhythm.nps.service.closedloop;

import io.rhythm.nps.domain.closedloop.DetractorProtocol;
import io.rhythm.nps.domain.closedloop.FollowUpKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The closed-loop rules from configuration (rhythm.nps.cases.*, rhythm.nps.follow-ups.*). */
@ApplicationScoped
public class ClosedLoopSettings {

    @ConfigProperty(name = "rhythm.nps.cases.outreach-within", defaultValue = "24h")
    Duration outreach;
    @ConfigProperty(name = "rhythm.nps.cases.root-cause-within", defaultValue = "48h")
    Duration rootCause;
    @ConfigProperty(name = "rhythm.nps.cases.action-plan-within", defaultValue = "72h")
    Duration actionPlan;
    @ConfigProperty(name = "rhythm.nps.cases.follow-up-survey-after", defaultValue = "30d")
    Duration followUp;
    @ConfigProperty(name = "rhythm.nps.cases.escalate-to", defaultValue = "avp")
    String escalateTo;
    @ConfigProperty(name = "rhythm.nps.follow-ups.passive-due-in", defaultValue = "7d")
    Duration passiveDue;
    @ConfigProperty(name = "rhythm.nps.follow-ups.promoter-due-in", defaultValue = "7d")
    Duration promoterDue;

    @Produces
    @Singleton
    DetractorProtocol protocol() {
        return new DetractorProtocol(outreach, rootCause, actionPlan, followUp, escalateTo);
    }

    @Produces
    @Singleton
    FollowUpKind.Timing followUpTiming() {
        return new FollowUpKind.Timing(passiveDue, promoterDue);
    }
}
