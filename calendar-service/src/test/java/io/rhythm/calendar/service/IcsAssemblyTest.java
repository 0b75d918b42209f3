package io.rhythm.calendar.service;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed assembled from components rendered one by one (IcsFeeds: header, each component's text, footer) is the same
 * text, byte for byte, as ical4j's CalendarOutputter writes for the whole calendar, long folded lines and non-ASCII
 * included; and it parses and validates.
 */
class IcsAssemblyTest {

    @Test
    void componentsRenderedOneByOneAndConcatenatedAreWhatCalendarOutputterWrites() throws Exception {
        ZoneId sydney = ZoneId.of("Australia/Sydney");
        CalendarComponent zone = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(sydney.getId()).getVTimeZone();
        VEvent meeting = new VEvent(LocalDateTime.of(2026, 12, 14, 10, 0).atZone(sydney),
                LocalDateTime.of(2026, 12, 14, 11, 0).atZone(sydney), "Quarterly business review — Café Ōtautahi (QBR)");
        meeting.add(new Uid("activity-1@rhythm"));
        meeting.add(new Sequence(3));
        meeting.add(ImmutableStatus.VEVENT_CANCELLED);
        meeting.add(new Description("Agenda: adoption, open tickets, renewal; ".repeat(12) + "naïve résumé ✓, 東京"));
        meeting.add(new Categories("CLIENT_ACTIVITY"));
        VEvent milestone = new VEvent(LocalDate.of(2026, 6, 12), LocalDate.of(2026, 6, 13),
                "Segmentation Model Review: Finalised segmentation");
        milestone.add(new Uid("milestone-2@rhythm"));
        milestone.add(new Sequence(0));
        VAlarm alarm = new VAlarm(Duration.ofDays(1).negated());
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description("Finalised segmentation"));
        milestone.add(alarm);
        List<CalendarComponent> components = List.of(zone, meeting, milestone);

        Calendar whole = IcsFeeds.calendar("Rhythm - cse");
        components.forEach(whole::add);
        StringWriter expected = new StringWriter();
        new CalendarOutputter(false).output(whole, expected);

        ByteArrayOutputStream assembled = new ByteArrayOutputStream();
        assembled.write(IcsFeeds.header("Rhythm - cse"));
        for (CalendarComponent component : components) {
            assembled.write(IcsFeeds.text(component));
        }
        assembled.write(IcsFeeds.FOOTER.getBytes(StandardCharsets.US_ASCII));
        String text = assembled.toString(StandardCharsets.UTF_8);

        assertThat(text).isEqualTo(expected.toString());
        assertThat(text).contains("\r\n ").as("long lines are folded");
        Calendar parsed = new CalendarBuilder().build(new StringReader(text));
        assertThat(parsed.validate().hasErrors()).as(parsed.validate().toString()).isFalse();
        assertThat(parsed.<VEvent>getComponents("VEVENT")).hasSize(2);
    }

    @Test
    void aFeedsBodyIsItsPartsInOrder() {
        IcsFeed feed = new IcsFeed("tag", List.of("BEGIN:A\r\n".getBytes(StandardCharsets.UTF_8), new byte[0],
                "é\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(feed.body(), StandardCharsets.UTF_8)).isEqualTo("BEGIN:A\r\né\r\n");
    }

    @Test
    void aFeedsContentIsItsBodyAsOftenAsItIsSentAndNeverACopy() {
        byte[] vevent = "BEGIN:VEVENT\r\nSUMMARY:Café\r\nEND:VEVENT\r\n".getBytes(StandardCharsets.UTF_8);
        IcsFeed feed = new IcsFeed("tag", List.of("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8), vevent,
                IcsFeeds.FOOTER.getBytes(StandardCharsets.US_ASCII)));
        io.vertx.core.buffer.Buffer once = feed.content();
        io.vertx.core.buffer.Buffer again = feed.content();
        assertThat(once.getBytes()).isEqualTo(feed.body()).isEqualTo(again.getBytes());
        assertThat(feed.length()).isEqualTo(feed.body().length);
        // a view of the parts: the kept text itself, not a copy made for the response
        vevent[22] = 'K';
        assertThat(feed.content().toString()).contains("SUMMARY:Kafé");
    }
}
