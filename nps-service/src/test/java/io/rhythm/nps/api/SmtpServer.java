package io.rhythm.nps.api;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) in the test JVM on 127.0.0.1:28125, where the test profile's
 * {@code quarkus.mailer.port} points: the service really talks SMTP, nothing is mocked. Started once, on first use.
 */
final class SmtpServer {

    static final int PORT = 28125;
    private static final Pattern LINK = Pattern.compile("https?://\\S+/api/v1/surveys/respond/([A-Za-z0-9_-]+)");

    private static GreenMail server;

    private SmtpServer() {
    }

    static synchronized GreenMail get() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server;
    }

    static synchronized void stop() {
        get().stop();
        server = null;
    }

    /** The messages received so far for one address. */
    static List<MimeMessage> to(String email) {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : get().getReceivedMessages()) {
            try {
                Address[] recipients = message.getRecipients(Message.RecipientType.TO);
                if (recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(email))) {
                    messages.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return messages;
    }

    /** The text/plain and the text/html part of a message. */
    static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The respond link in a message's plain text. */
    static String link(MimeMessage message) {
        Matcher matcher = LINK.matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("no survey link in: " + text(message));
        }
        return matcher.group();
    }

    /** The token of the respond link in a message. */
    static String token(MimeMessage message) {
        Matcher matcher = LINK.matcher(link(message));
        matcher.find();
        return matcher.group(1);
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
