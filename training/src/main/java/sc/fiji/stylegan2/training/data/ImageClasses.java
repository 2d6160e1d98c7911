package sc.fiji.stylegan2.training.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The condition (class) of every training image of a conditional model: the class names, by index,
 * and the class index of each image. The official data set keeps an integer label per image and
 * trains with its one-hot form {@code c} ({@code c_dim} = number of classes); the names are what
 * our checkpoints keep, so that users give {@code condition=wt} rather than a number.
 *
 * <p>Every class must have at least one image and there must be two classes or more: a single class
 * is an unconditional model with extra parameters, and a class without images would never be drawn
 * for the generated images either (the official loop draws them from the data's labels).
 *
 * @param names the class names by index
 * @param labels the class index of each image, in the data's order
 */
public record ImageClasses(List<String> names, int[] labels) {

    public ImageClasses {
        names = List.copyOf(names);
        labels = labels.clone();
        if (names.size() < 2) {
            throw new IllegalArgumentException(
                    "conditions: "
                            + (names.isEmpty()
                                    ? "no class"
                                    : "one class only (" + names.get(0) + ")")
                            + " found; a conditional model needs two classes or more (for one class"
                            + " leave conditions empty)");
        }
        if (new TreeSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("conditions: class names repeat: " + names);
        }
        int[] count = new int[names.size()];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= names.size()) {
                throw new IllegalArgumentException(
                        "conditions: image "
                                + (i + 1)
                                + " has class "
                                + labels[i]
                                + ", not one of 0.."
                                + (names.size() - 1));
            }
            count[labels[i]]++;
        }
        for (int k = 0; k < count.length; k++) {
            if (count[k] == 0) {
                throw new IllegalArgumentException(
                        "conditions: class '" + names.get(k) + "' has no images");
            }
        }
    }

    /**
     * The classes of images named by text: the distinct names sorted (so the same data gives the
     * same indices however it is ordered), each image the index of its name.
     *
     * @param perImage the class name of each image, in the data's order
     */
    public static ImageClasses ofNames(List<String> perImage) {
        List<String> names = new ArrayList<>(new TreeSet<>(perImage));
        int[] labels = new int[perImage.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = names.indexOf(perImage.get(i));
        }
        return new ImageClasses(names, labels);
    }

    /**
     * The classes of images labelled by number (an IDX label file, as the official data sets):
     * classes 0..max, named by their numbers.
     */
    public static ImageClasses ofIndices(int[] labels) {
        int max = Arrays.stream(labels).max().orElse(-1);
        List<String> names = new ArrayList<>();
        for (int k = 0; k <= max; k++) {
            names.add(Integer.toString(k));
        }
        return new ImageClasses(names, labels);
    }

    /** The number of classes ({@code c_dim}). */
    public int count() {
        return names.size();
    }

    /** The number of labelled images. */
    public int size() {
        return labels.length;
    }

    /** The class index of image {@code i}. */
    public int of(int i) {
        return labels[i];
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** For the log: {@code 3 classes: ko (40 images), wt (52), x (8)}. */
    public String describe() {
        int[] count = new int[count()];
        for (int l : labels) {
            count[l]++;
        }
        StringBuilder s = new StringBuilder(count() + " classes: ");
        for (int k = 0; k < count(); k++) {
            s.append(k == 0 ? "" : ", ").append(names.get(k)).append(" (").append(count[k]);
            s.append(k == 0 ? " images)" : ")");
        }
        return s.toString();
    }
}
