package sc.fiji.stylegan2.plugin.ij1;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.imglib2.RandomAccessibleInterval;
import org.scijava.module.ModuleItem;
import sc.fiji.stylegan2.plugin.input.InputValues;

/**
 * One input of a SciJava command as an ImageJ 1.x {@code GenericDialog} field. The field's label is
 * the key with a capital first letter ({@code Model_file}): ImageJ 1.x derives the macro key from
 * the label (up to the first space, lower-cased), so macros and the Macro Recorder use the
 * command's own snake_case keys ({@code model_file=[...] seeds=0-3}).
 *
 * @param item the command's input
 * @param kind how the dialog shows it
 * @param label the dialog label, whose lower case is the macro key
 * @param initial the text (or choice, or "true"/"false") the field starts with
 * @param choices the choices of a {@link Kind#CHOICE} field
 */
public record DialogField(
        ModuleItem<?> item, Kind kind, String label, String initial, List<String> choices) {

    /** The GenericDialog field types the bridge uses. */
    public enum Kind {
        FILE,
        TEXT,
        CHOICE,
        CHECKBOX,
        IMAGE
    }

    /**
     * The field for an input.
     *
     * @param remembered the value the user last chose in a dialog (interactive use only), or null
     */
    public static DialogField of(ModuleItem<?> item, String remembered) {
        Class<?> type = item.getType();
        String key = item.getName();
        String label = key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
        Object def = item.getDefaultValue();
        String initial = remembered != null ? remembered : def == null ? "" : String.valueOf(def);
        List<String> choices =
                item.getChoices() == null
                        ? List.of()
                        : item.getChoices().stream().map(String::valueOf).toList();
        Kind kind;
        if (RandomAccessibleInterval.class.isAssignableFrom(type)) {
            kind = Kind.IMAGE;
        } else if (type == boolean.class || type == Boolean.class) {
            kind = Kind.CHECKBOX;
            initial = String.valueOf(Boolean.parseBoolean(initial));
        } else if (!choices.isEmpty()) {
            kind = Kind.CHOICE;
            initial = choices.contains(initial) ? initial : choices.get(0);
        } else if (type == File.class || type == Path.class) {
            kind = Kind.FILE;
        } else {
            kind = Kind.TEXT;
        }
        return new DialogField(item, kind, label, initial, choices);
    }

    /** The macro key ImageJ 1.x derives from the label: the command's key. */
    public String macroKey() {
        return label.toLowerCase(Locale.ROOT);
    }

    /** Converts the text of a text or file field to the input's type (messages name the key). */
    public Object convert(String text) {
        return InputValues.convert(item, text);
    }
}
