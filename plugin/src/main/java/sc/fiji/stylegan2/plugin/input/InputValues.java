package sc.fiji.stylegan2.plugin.input;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import sc.fiji.stylegan2.plugin.host.CommandFinder;

/**
 * Turns the text values of an argument string into the typed inputs of a command: each key must be
 * one of the command's keys, each text is converted to the parameter's type ({@code File}, {@code
 * Path}, {@code String}, {@code int}, {@code long}, {@code double}, {@code float}, {@code
 * boolean}), and keys not given take the command's defaults. Only types are checked here; what
 * values are valid is for the command to say, so that every host reports the same message.
 */
public final class InputValues {

    private InputValues() {}

    /**
     * Resolves every key of the command: the given ones converted, the others at their defaults.
     *
     * @throws IllegalArgumentException for an unknown key, a value of the wrong type, or a missing
     *     required input; the message names the key
     */
    public static Map<String, Object> resolve(CommandInfo info, Map<String, String> given) {
        for (String key : given.keySet()) {
            CommandFinder.key(info, key);
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (ModuleItem<?> item : CommandFinder.keys(info)) {
            String text = given.get(item.getName());
            Object value = text != null ? convert(item, text) : item.getDefaultValue();
            if (value == null && item.isRequired()) {
                throw new IllegalArgumentException(
                        CommandFinder.menuName(info)
                                + " needs "
                                + item.getName()
                                + ": "
                                + describe(item)
                                + " (e.g. "
                                + item.getName()
                                + "='"
                                + example(item)
                                + "')");
            }
            inputs.put(item.getName(), value);
        }
        return inputs;
    }

    /**
     * Converts the text of one key to its parameter's type; a blank file name gives null.
     *
     * @throws IllegalArgumentException naming the key, the text and the type expected
     */
    public static Object convert(ModuleItem<?> item, String text) {
        Class<?> type = item.getType();
        String key = item.getName();
        String t = text.trim();
        if (type == String.class) {
            return text;
        }
        if (type == File.class || type == Path.class) {
            if (t.isEmpty()) {
                return null;
            }
            File file =
                    new File(
                            t.startsWith("~/")
                                    ? System.getProperty("user.home") + t.substring(1)
                                    : t);
            return type == File.class ? file : file.toPath();
        }
        try {
            if (type == int.class || type == Integer.class) {
                return Integer.valueOf(t);
            }
            if (type == long.class || type == Long.class) {
                return Long.valueOf(t);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    key + " '" + text + "' is not a whole number; give e.g. " + example(item));
        }
        try {
            if (type == double.class || type == Double.class) {
                return Double.valueOf(t);
            }
            if (type == float.class || type == Float.class) {
                return Float.valueOf(t);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    key + " '" + text + "' is not a number; give e.g. " + example(item));
        }
        if (type == boolean.class || type == Boolean.class) {
            if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                return Boolean.valueOf(t);
            }
            throw new IllegalArgumentException(
                    key + " '" + text + "' is not valid: give true or false");
        }
        throw new IllegalArgumentException(
                key
                        + " takes a "
                        + type.getSimpleName()
                        + ", which cannot be given as text on the command line");
    }

    /** The parameter's description, or its label when it has none. */
    public static String describe(ModuleItem<?> item) {
        String d = item.getDescription();
        return d == null || d.isBlank() ? item.getLabel() : d;
    }

    /** An example value for messages: the default, or a placeholder for the type. */
    static String example(ModuleItem<?> item) {
        Object def = item.getDefaultValue();
        if (def != null) {
            return String.valueOf(def);
        }
        Class<?> type = item.getType();
        if (type == File.class || type == Path.class) {
            return "/path/to/" + (item.getName().contains("model") ? "model.pkl" : "file");
        }
        return type == String.class ? "text" : "1";
    }
}
