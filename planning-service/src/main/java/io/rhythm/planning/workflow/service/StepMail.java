package io.rhythm.planning.workflow.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * E-mails a client-facing step's link through SMTP with the Quarkus mailer, the same mailer and relay nps-service
 * sends survey invitations through. A failed send does not undo the link: the issuer gets the URL and
 * {@code mailed=false} and can pass it on another way.
 */
@ApplicationScoped
public class StepMail {

    private static final Logger LOG = Logger.getLogger(StepMail.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    @Inject
    Mailer mailer;
    @ConfigProperty(name = "rhythm.workflows.vendor-name", defaultValue = "your account team")
    String vendorName;

    public record Letter(String email, String recipientName, String clientName, String workflowName, String stepName,
                         String stepDescription, String url, Instant expiresAt) {
    }

    /** @return true when the SMTP server accepted the message */
    public boolean send(Letter letter) {
        String subject = letter.workflowName() + ": " + letter.stepName() + " (" + letter.clientName() + ")";
        String greeting = letter.recipientName() == null ? "Hello," : "Kia ora " + letter.recipientName() + ",";
        String body = greeting + "\n\n" + vendorName + " asks you to complete a step of the " + letter.workflowName()
                + " for " + letter.clientName() + ":\n\n  " + letter.stepName() + "\n  " + letter.stepDescription()
                + "\n\nOpen this link (it works once, no login needed, until " + DAY.format(letter.expiresAt().atOffset(ZoneOffset.UTC))
                + "):\n" + letter.url() + "\n\nIf you did not expect this e-mail, ignore it.\n";
        try {
            mailer.send(Mail.withText(letter.email(), subject, body));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Cannot e-mail a workflow link to %s: %s", letter.email(), e.toString());
            return false;
        }
    }
}
