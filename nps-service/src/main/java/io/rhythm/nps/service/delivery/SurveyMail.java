package io.rhythm.nps.service.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders and sends survey e-mails (invitation and reminder) through SMTP with the Quarkus mailer and the
 * Qute templates {@code templates/survey/invitation.html} and {@code .txt}. Sending blocks until the SMTP
 * server accepted the message, at most {@code quarkus.mailer.timeout}; any failure becomes
 * {@link MailDeliveryException} so that the caller can roll back what it recorded for that recipient.
 */
@ApplicationScoped
public class SurveyMail {

    private static final Logger LOG = Logger.getLogger(SurveyMail.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** The respond link's path below {@code rhythm.nps.public-url}. */
    public static final String RESPOND_PATH = "/api/v1/surveys/respond/";

    @Inject
    Mailer mailer;
    @Inject
    @Location("survey/invitation.html")
    Template html;
    @Inject
    @Location("survey/invitation.txt")
    Template text;

    @ConfigProperty(name = "rhythm.nps.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;
    @ConfigProperty(name = "rhythm.nps.vendor-name", defaultValue = "us")
    String vendorName;
    @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost")
    String smtpHost;
    @ConfigProperty(name = "quarkus.mailer.port", defaultValue = "25")
    String smtpPort;

    /** What one e-mail says. */
    public record Letter(boolean reminder, String email, String recipientName, String clientName, String cycleName,
                         String token, Instant expiresAt) {
    }

    /** "How likely are you to recommend <vendor> to a friend or colleague?" */
    public String question() {
        return "How likely are you to recommend " + vendorName + " to a friend or colleague?";
    }

    /** The public respond link of a token. */
    public String link(String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + RESPOND_PATH + token;
    }

    /**
     * @throws MailDeliveryException when the SMTP server cannot be reached or refuses the message
     */
    public void send(Letter letter) {
        String subject = (letter.reminder() ? "Reminder: " : "") + letter.cycleName() + " - your feedback on " + vendorName;
        String link = link(letter.token());
        String expiresOn = DAY.format(letter.expiresAt().atOffset(ZoneOffset.UTC));
        String name = letter.recipientName() == null || letter.recipientName().isBlank() ? "client" : letter.recipientName();
        Object[][] data = {
                {"subject", subject}, {"reminder", letter.reminder()}, {"recipientName", name},
                {"clientName", letter.clientName()}, {"cycleName", letter.cycleName()}, {"vendorName", vendorName},
                {"surveyName", surveyName(letter.cycleName())},
                {"question", question()}, {"link", link}, {"expiresOn", expiresOn}};
        var htmlInstance = html.instance();
        var textInstance = text.instance();
        for (Object[] entry : data) {
            htmlInstance.data((String) entry[0], entry[1]);
            textInstance.data((String) entry[0], entry[1]);
        }
        Mail mail = Mail.withHtml(letter.email(), subject, htmlInstance.render()).setText(textInstance.render());
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot send a survey e-mail through SMTP %s:%s: %s", smtpHost, smtpPort, e.toString());
            throw new MailDeliveryException("The SMTP server " + smtpHost + ":" + smtpPort + " did not accept the e-mail ("
                    + rootMessage(e) + "); check quarkus.mailer.host/port. Nothing was recorded for the recipients not "
                    + "reached: sending again resumes where this stopped.", e);
        }
    }

    /** "NPS Q4 2026 client survey"; a name that already says survey ("Quarterly relationship survey") stays as it is. */
    static String surveyName(String cycleName) {
        return cycleName.toLowerCase(Locale.ROOT).endsWith("survey") ? cycleName : cycleName + " client survey";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The mail could not be handed to the SMTP server. */
    public static final class MailDeliveryException extends RuntimeException {
        public MailDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
