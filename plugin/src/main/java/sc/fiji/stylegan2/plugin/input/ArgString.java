package sc.fiji.stylegan2.plugin.input;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the argument string of {@code --run}, as Fiji's headless mode writes it: {@code key=value}
 * pairs separated by commas, e.g. {@code model_file='m.pkl',seeds='1,5,9',truncation_psi=0.7}.
 *
 * <ul>
 *   <li>Keys are identifiers: a letter or {@code _}, then letters, digits or {@code _}.
 *   <li>A value is either quoted with {@code '...'} or {@code "..."} (it may then hold commas,
 *       spaces and the other quote character; there are no escapes) or bare, running to the next
 *       comma, with surrounding spaces removed.
 *   <li>Spaces around keys, {@code =} and commas are ignored; a trailing comma is allowed; a key
 *       may appear only once.
 * </ul>
 */
public final class ArgString {

    private final String text;
    private int pos;

    private ArgString(String text) {
        this.text = text;
    }

    /**
     * Parses an argument string into its pairs, in the order given.
     *
     * @param text the argument string; null or blank gives no pairs
     * @throws IllegalArgumentException saying where the syntax is wrong and how to write it
     */
    public static Map<String, String> parse(String text) {
        if (text == null) {
            return Map.of();
        }
        return new ArgString(text).pairs();
    }

    private Map<String, String> pairs() {
        Map<String, String> pairs = new LinkedHashMap<>();
        skipSpaces();
        while (pos < text.length()) {
            String key = key();
            skipSpaces();
            if (!consume('=')) {
                throw error("'" + key + "' has no value: write " + key + "=value");
            }
            skipSpaces();
            String value = value(key);
            if (pairs.put(key, value) != null) {
                throw error("'" + key + "' is given twice");
            }
            skipSpaces();
            if (pos < text.length() && !consume(',')) {
                throw error("expected a comma after the value of '" + key + "'");
            }
            skipSpaces();
        }
        return Collections.unmodifiableMap(pairs);
    }

    private String key() {
        int start = pos;
        if (pos < text.length() && isKeyStart(text.charAt(pos))) {
            pos++;
            while (pos < text.length() && isKeyPart(text.charAt(pos))) {
                pos++;
            }
        }
        if (start == pos) {
            throw error("expected a key (like seeds=0-7) at position " + (pos + 1));
        }
        return text.substring(start, pos);
    }

    private String value(String key) {
        if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
            char quote = text.charAt(pos);
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error(
                        "the value of '"
                                + key
                                + "' opens a "
                                + quote
                                + " quote that is never closed");
            }
            String value = text.substring(pos + 1, end);
            pos = end + 1;
            return value;
        }
        int end = text.indexOf(',', pos);
        end = end < 0 ? text.length() : end;
        String value = text.substring(pos, end).trim();
        pos = end;
        return value;
    }

    private boolean consume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isKeyStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isKeyPart(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(
                "bad arguments \""
                        + text
                        + "\": "
                        + what
                        + " (write key=value pairs separated by commas; quote values holding commas: seeds='1,5,9')");
    }
}
