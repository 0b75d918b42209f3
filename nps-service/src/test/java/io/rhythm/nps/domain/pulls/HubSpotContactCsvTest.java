package io.rhythm.nps.domain.pulls;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HubSpotContactCsvTest {

    @Test
    void namesSplitOnTheFirstWord() {
        assertThat(HubSpotContactCsv.split("Mary  Jane van Dyke")).isEqualTo(new HubSpotContactCsv.Name("Mary", "Jane van Dyke"));
        assertThat(HubSpotContactCsv.split("Cher")).isEqualTo(new HubSpotContactCsv.Name("Cher", ""));
        assertThat(HubSpotContactCsv.split(" ")).isEqualTo(new HubSpotContactCsv.Name("", ""));
        assertThat(HubSpotContactCsv.split(null)).isEqualTo(new HubSpotContactCsv.Name("", ""));
    }

    @Test
    void aFileHubSpotImports() {
        String csv = HubSpotContactCsv.write(List.of(
                new HubSpotContactCsv.Row(" Ann.Lee@Client.Example ", "Ann Lee", "SA Health"),
                new HubSpotContactCsv.Row("bo@x.example", "Bo \"Bobby\" Tan", "Tan, Lim & Co"),
                new HubSpotContactCsv.Row("cy@x.example", "=HYPERLINK(\"http://evil\")", "@corp")));
        assertThat(csv).isEqualTo("Email,First Name,Last Name,Company Name\r\n"
                + "ann.lee@client.example,Ann,Lee,SA Health\r\n"
                + "bo@x.example,Bo,\"\"\"Bobby\"\" Tan\",\"Tan, Lim & Co\"\r\n"
                + "cy@x.example,\"'=HYPERLINK(\"\"http://evil\"\")\",,'@corp\r\n");
    }

    @Test
    void anEmptyListIsTheHeaderOnly() {
        assertThat(HubSpotContactCsv.write(List.of())).isEqualTo(HubSpotContactCsv.HEADER + "\r\n");
    }
}
