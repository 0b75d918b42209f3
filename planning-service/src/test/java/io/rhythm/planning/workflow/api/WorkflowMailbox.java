package io.rhythm.planning.workflow.api;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) in the test JVM on 127.0.0.1:28127, where the test profile's mailer points. */
final class WorkflowMailbox {

    static final int PORT = 28127;
    private static final Pattern TOKEN = Pattern.compile("/api/v1/workflows/links/([A-Za-z0-9_-]{43})");
    private static GreenMail server;

    private WorkflowMailbox() {
    }

    static synchronized GreenMail get() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return server;
    }

    static List<MimeMessage> to(String email) {
        return Arrays.stream(get().getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(email);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    static String token(MimeMessage message) {
        Matcher matcher = TOKEN.matcher(body(message).replace("=\r\n", "").replace("=\n", ""));
        if (!matcher.find()) {
            throw new AssertionError("no workflow link in: " + body(message));
        }
        return matcher.group(1);
    }
}
