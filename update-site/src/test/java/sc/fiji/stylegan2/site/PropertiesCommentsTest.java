package sc.fiji.stylegan2.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The updater's comment rule for .properties entries, quirks included (imagej-updater
 * SkipHashedLines; see {@link PropertiesComments}). Each row: input, what is checksummed ({@code
 * \n} written as {@code |}).
 */
class PropertiesCommentsTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '"',
            value = {
                // a comment line is dropped, its newline kept
                "#date|a=1|;            |a=1|",
                // ## and a comment at the end without a newline
                "##x|a=1|#end;          |a=1|",
                // a '#' inside a line is data
                "a=#1|;                 a=#1|",
                // after an empty line the next line is not at a line start: its '#' is kept
                "a=1||#kept|;           a=1||#kept|",
                // after a bare "#\n" likewise
                "#|#kept|b=2|;          |#kept|b=2|",
                // a carriage return is an ordinary byte
                "#c\r|a=1\r|;           |a=1\r|",
            })
    void commentLinesAreDroppedAsTheUpdaterDoes(String input, String expected) {
        assertEquals(
                lines(expected),
                new String(
                        PropertiesComments.strip(lines(input).getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8));
    }

    private static String lines(String s) {
        return s == null ? "" : s.replace('|', '\n');
    }
}
