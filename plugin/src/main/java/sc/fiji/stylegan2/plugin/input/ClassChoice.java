package sc.fiji.stylegan2.plugin.input;

import sc.fiji.stylegan2.model.generate.ClassLabels;

/**
 * A class of a conditional model given under a key of its own ({@code from_condition}, {@code
 * to_condition}): an index or a name the model stores, as {@code condition} (official {@code
 * generate.py --class}).
 */
public final class ClassChoice {

    private ClassChoice() {}

    /**
     * The class index {@code text} names.
     *
     * @throws IllegalArgumentException naming {@code key}, the text and the model's classes, also
     *     for an unconditional model and for a blank text
     */
    public static int require(String key, String text, ClassLabels classes) {
        if (!classes.conditional()) {
            throw new IllegalArgumentException(
                    key
                            + ": this model is unconditional (c_dim 0); "
                            + key
                            + " needs a conditional model");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    key + " is empty: give a class (" + classes.choices() + ")");
        }
        try {
            return classes.parse(text);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new IllegalArgumentException(
                    message.startsWith(ClassLabels.KEY)
                            ? key + message.substring(ClassLabels.KEY.length())
                            : key + ": " + message,
                    e);
        }
    }
}
