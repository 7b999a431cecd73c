package org.advocacy.engine.votes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentSymbolsTest {

    @ParameterizedTest(name = "[{0}] is written {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "A/HRC/RES/25/25      | A/HRC/RES/25/25",
            "' a/hrc/res / 25/25 '| A/HRC/RES/25/25",
            "S/PV.7353            | S/PV.7353",
            "s/2014/872           | S/2014/872",
            "A/69/L.28/Rev.1      | A/69/L.28/Rev.1",
            "'a/res/69/188'       | A/RES/69/188",
            "'A/HRC/25/63  Corr'  | A/HRC/25/63 Corr",
            "'   '                | NONE",
            "NONE                 | NONE"})
    void symbols_are_written_one_way(String given, String normalised) {
        assertThat(DocumentSymbols.normalise(given)).isEqualTo(normalised);
    }
}
