package io.rhythm.nps.service.letters;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.rhythm.nps.domain.letters.BusinessUnitPoints;
import io.rhythm.nps.domain.letters.ClientLetterFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** Letters and talking points as text (the draft), XHTML (Qute) and PDF (openhtmltopdf over PDFBox). */
@ApplicationScoped
public class LetterRenderer {

    @Location("letters/body.txt")
    Template body;
    @Location("letters/letter.html")
    Template letter;
    @Location("letters/talking-points.html")
    Template talkingPoints;

    @Inject
    @ConfigProperty(name = "rhythm.nps.vendor-name")
    String vendorName;

    public String subject(ClientLetterFacts facts) {
        return "Your feedback in our " + facts.cycleName() + " survey";
    }

    public String draftBody(ClientLetterFacts facts) {
        // template conditionals leave blank lines behind: at most one blank line between paragraphs
        return body.data("facts", facts).data("vendorName", vendorName).render()
                .replaceAll("[ \\t]+\\R", "\n").replaceAll("(\\R){3,}", "\n\n").strip();
    }

    public String html(ClientLetterFacts facts, String subject, String text, boolean approved) {
        return letter.data("facts", facts).data("subject", subject).data("paragraphs", paragraphs(text))
                .data("vendorName", vendorName).data("draft", !approved).render();
    }

    public String html(BusinessUnitPoints points, boolean approved) {
        return talkingPoints.data("points", points).data("draft", !approved).render();
    }

    /** Renders well-formed XHTML (as the templates produce) to PDF. */
    public byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render PDF", e);
        }
    }

    /** Paragraphs are separated by blank lines; single line breaks within a paragraph are kept as spaces. */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\R\\s*\\R")).map(p -> p.strip().replaceAll("\\s*\\R\\s*", " "))
                .filter(p -> !p.isEmpty()).toList();
    }
}
