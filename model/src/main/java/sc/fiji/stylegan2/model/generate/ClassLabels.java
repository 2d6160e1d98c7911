package sc.fiji.stylegan2.model.generate;

import java.util.List;

/**
 * The classes of a model: none for an unconditional model, {@code c_dim} classes (indices
 * 0..c_dim-1, with names where the model stores them) for a conditional one. Turns the user's
 * {@code condition} (an index or a name) into a class index and a class index into the one-hot
 * label c the networks take, exactly as the official {@code generate.py --class K} does ({@code
 * c[:, K] = 1}).
 *
 * @param count the number of classes ({@code c_dim}); 0 when unconditional
 * @param names the class names by index, or an empty list when the model stores none
 */
public record ClassLabels(int count, List<String> names) {

    /** The parameter key users give a class with. */
    public static final String KEY = "condition";

    public ClassLabels {
        if (count < 0) {
            throw new IllegalArgumentException("the class count must be >= 0, got " + count);
        }
        names = List.copyOf(names);
        if (!names.isEmpty() && names.size() != count) {
            throw new IllegalArgumentException(
                    names.size() + " class names for " + count + " classes");
        }
    }

    /** The classes of an unconditional model: none. */
    public static ClassLabels none() {
        return new ClassLabels(0, List.of());
    }

    /** True for a conditional model. */
    public boolean conditional() {
        return count > 0;
    }

    /**
     * The class a {@code condition} text names: blank for none, a class index, or a class name
     * where the model stores names.
     *
     * @return the class index, or null for a blank text
     * @throws IllegalArgumentException naming {@code condition} when the text names no class of
     *     this model
     */
    public Integer parse(String condition) {
        if (condition == null || condition.isBlank()) {
            return null;
        }
        String text = condition.strip();
        if (!conditional()) {
            throw unconditional(text);
        }
        int byName = names.indexOf(text);
        if (byName >= 0) {
            return byName;
        }
        try {
            return requireIndex(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    KEY + " '" + text + "' is not a class of this model: give " + choices());
        }
    }

    /**
     * Checks the class of a generation: required for a conditional model, refused by an
     * unconditional one.
     *
     * @param classIndex the class, or null for none
     * @return the class index, or null for an unconditional model
     * @throws IllegalArgumentException naming {@code condition} and the classes
     */
    public Integer require(Integer classIndex) {
        if (!conditional()) {
            if (classIndex != null) {
                throw unconditional(String.valueOf(classIndex));
            }
            return null;
        }
        if (classIndex == null) {
            throw new IllegalArgumentException(
                    KEY + ": this model is conditional (" + choices() + "); give " + KEY + "=K");
        }
        return requireIndex(classIndex);
    }

    /**
     * Checks that a caller without a class works on an unconditional model.
     *
     * @throws IllegalArgumentException for a conditional model, naming {@code condition} and the
     *     classes
     */
    public void requireUnconditional() {
        require(null);
    }

    /**
     * The one-hot labels {@code [n, count]} (C order) of {@code n} images of class {@code
     * classIndex}.
     */
    public float[] oneHot(int classIndex, int n) {
        requireIndex(classIndex);
        float[] c = new float[n * count];
        for (int i = 0; i < n; i++) {
            c[i * count + classIndex] = 1;
        }
        return c;
    }

    /** The label of class {@code k} for image titles: its name, or its index. */
    public String label(int k) {
        return names.isEmpty() ? Integer.toString(k) : names.get(k);
    }

    /**
     * The classes in words: {@code 4 classes: 0..3} or {@code 2 classes: 0..1 or the names wt, ko}.
     */
    public String choices() {
        String s = count + " class" + (count == 1 ? "" : "es") + ": 0.." + (count - 1);
        return names.isEmpty() ? s : s + " or the names " + String.join(", ", names);
    }

    private int requireIndex(int k) {
        if (k < 0 || k >= count) {
            throw new IllegalArgumentException(
                    KEY + " " + k + " is out of range: this model has " + choices());
        }
        return k;
    }

    private static IllegalArgumentException unconditional(String given) {
        return new IllegalArgumentException(
                KEY
                        + " '"
                        + given
                        + "' given, but this model is unconditional (it"
                        + " has no classes); leave "
                        + KEY
                        + " empty");
    }
}
