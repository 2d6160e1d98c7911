package sc.fiji.stylegan2.plugin.ij1;

import ij.ImagePlus;
import ij.Macro;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import sc.fiji.stylegan2.plugin.host.CommandFinder;
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks;
import sc.fiji.stylegan2.plugin.input.InputValues;

/**
 * Asks for a command's inputs with an ImageJ 1.x {@link GenericDialog} built from its SciJava
 * parameters (see {@link DialogField}). In a macro the dialog is not shown: ImageJ fills it from
 * the macro's {@code key=value} options, and keys left out take the command's defaults.
 * Interactively the fields start from the values last chosen ({@link Prefs}), and the Macro
 * Recorder records the keys as they are read.
 */
public final class CommandDialog {

    private static final String PREFS = "stylegan2.";

    private CommandDialog() {}

    /**
     * The dialog's fields: in a macro with the command's defaults, else with the values last
     * chosen.
     */
    public static List<DialogField> fields(CommandInfo info, boolean inMacro) {
        List<DialogField> fields = new ArrayList<>();
        for (ModuleItem<?> item : CommandFinder.keys(info)) {
            String remembered = inMacro ? null : Prefs.get(prefsKey(info, item.getName()), null);
            fields.add(DialogField.of(item, remembered));
        }
        return fields;
    }

    /**
     * Shows the dialog (or reads the macro's options) and returns the inputs by key.
     *
     * @return the inputs, or null when the user canceled the dialog
     * @throws IllegalArgumentException naming the key whose text does not convert, or an image
     *     input with no image open
     */
    public static Map<String, Object> ask(CommandInfo info) {
        boolean inMacro = Macro.getOptions() != null;
        List<DialogField> fields = new ArrayList<>(fields(info, inMacro));
        // An optional image input with no image open stays empty (Project Image takes a file
        // instead).
        List<DialogField> empty =
                fields.stream()
                        .filter(
                                f ->
                                        f.kind() == DialogField.Kind.IMAGE
                                                && !f.item().isRequired()
                                                && WindowManager.getImageCount() == 0)
                        .toList();
        fields.removeAll(empty);
        GenericDialog gd = new GenericDialog("StyleGAN2 " + CommandFinder.menuName(info));
        for (DialogField f : fields) {
            add(gd, f);
        }
        gd.addHelp(HelpText.html(info));
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        empty.forEach(f -> inputs.put(f.item().getName(), null));
        for (DialogField f : fields) {
            Object value = read(gd, f);
            inputs.put(f.item().getName(), value);
            if (!inMacro && f.kind() != DialogField.Kind.IMAGE) {
                Prefs.set(
                        prefsKey(info, f.item().getName()),
                        String.valueOf(value == null ? "" : value));
            }
        }
        return inputs;
    }

    private static void add(GenericDialog gd, DialogField f) {
        switch (f.kind()) {
            case FILE -> gd.addFileField(f.label(), f.initial(), 40);
            case CHOICE -> gd.addChoice(f.label(), f.choices().toArray(new String[0]), f.initial());
            case CHECKBOX -> gd.addCheckbox(f.label(), Boolean.parseBoolean(f.initial()));
            case IMAGE -> {
                if (WindowManager.getImageCount() == 0) {
                    throw new IllegalArgumentException(
                            f.macroKey()
                                    + " needs an open image: "
                                    + InputValues.describe(f.item()));
                }
                gd.addImageChoice(f.label(), null);
            }
            default -> gd.addStringField(f.label(), f.initial(), 20);
        }
    }

    private static Object read(GenericDialog gd, DialogField f) {
        return switch (f.kind()) {
            case CHOICE -> gd.getNextChoice();
            case CHECKBOX -> gd.getNextBoolean();
            case IMAGE -> {
                ImagePlus imp = gd.getNextImage();
                yield ImageJ1Stacks.toLabeledImg(imp);
            }
            default -> f.convert(gd.getNextString());
        };
    }

    private static String prefsKey(CommandInfo info, String key) {
        String cls = info.getClassName();
        return PREFS + cls.substring(cls.lastIndexOf('.') + 1) + "." + key;
    }
}
