package sc.fiji.stylegan2.plugin.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgStringTest {

    @Test
    void parsesBareAndQuotedValuesInOrder() {
        Map<String, String> pairs =
                ArgString.parse("model_file='m.pkl',truncation_psi=0.7,noise_mode='const'");
        assertEquals(
                List.of("model_file", "truncation_psi", "noise_mode"), List.copyOf(pairs.keySet()));
        assertEquals("m.pkl", pairs.get("model_file"));
        assertEquals("0.7", pairs.get("truncation_psi"));
        assertEquals("const", pairs.get("noise_mode"));
    }

    @Test
    void keepsCommasAndSpacesInsideQuotes() {
        Map<String, String> pairs =
                ArgString.parse("seeds='1,5,9',model_file='/data/my models/a,b.pkl'");
        assertEquals("1,5,9", pairs.get("seeds"));
        assertEquals("/data/my models/a,b.pkl", pairs.get("model_file"));
    }

    @Test
    void acceptsDoubleQuotesHoldingSingleQuotes() {
        assertEquals("it's.pkl", ArgString.parse("model_file=\"it's.pkl\"").get("model_file"));
    }

    @Test
    void ignoresSpacesAroundKeysValuesAndCommas() {
        Map<String, String> pairs = ArgString.parse("  seeds = 0-7 ,  batch_size= 4 , ");
        assertEquals(Map.of("seeds", "0-7", "batch_size", "4"), pairs);
    }

    @Test
    void keepsEqualsSignsInsideBareValues() {
        assertEquals("a=b", ArgString.parse("x=a=b").get("x"));
    }

    @Test
    void blankOrNullTextGivesNoPairs() {
        assertTrue(ArgString.parse("").isEmpty());
        assertTrue(ArgString.parse("   ").isEmpty());
        assertTrue(ArgString.parse(null).isEmpty());
    }

    @Test
    void emptyQuotedValueIsEmptyString() {
        assertEquals("", ArgString.parse("seeds=''").get("seeds"));
    }

    @Test
    void unclosedQuoteIsRejectedNamingTheKey() {
        var e = assertThrows(IllegalArgumentException.class, () -> ArgString.parse("seeds='1,2"));
        assertTrue(
                e.getMessage().contains("'seeds'") && e.getMessage().contains("never closed"),
                e.getMessage());
    }

    @Test
    void keyWithoutValueIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> ArgString.parse("seeds"));
        assertTrue(e.getMessage().contains("'seeds' has no value"), e.getMessage());
    }

    @Test
    void duplicateKeyIsRejected() {
        var e =
                assertThrows(
                        IllegalArgumentException.class, () -> ArgString.parse("seeds=1,seeds=2"));
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
    }

    @Test
    void textAfterQuotedValueIsRejected() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ArgString.parse("seeds='1'2,batch_size=1"));
        assertTrue(
                e.getMessage().contains("expected a comma after the value of 'seeds'"),
                e.getMessage());
    }

    @Test
    void missingKeyIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> ArgString.parse("=5"));
        assertTrue(e.getMessage().contains("expected a key"), e.getMessage());
    }
}
