package sc.fiji.stylegan2.model.direction;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How Find Directions finds directions in W, and what its score means for each. */
public enum DirectionMethod {
    /**
     * Closed-form factorisation (SeFa, Shen and Zhou, CVPR 2021): eigenvectors of AᵀA for the style
     * affine weights A of the chosen layers; score = eigenvalue.
     */
    SEFA("eigenvalue of A^T A"),
    /**
     * Principal components of sampled w (GANSpace, Härkönen et al., NeurIPS 2020); score = the
     * fraction of the variance of w the component explains.
     */
    PCA("explained variance ratio"),
    /**
     * The difference of two class means of w (conditional models, or two sets of latents); score =
     * its length before normalising.
     */
    CLASS_MEAN("length of the mean difference"),
    /**
     * The normal of a linear SVM between two labelled sets of latents (InterFaceGAN, Shen et al.,
     * CVPR 2020); score = training accuracy.
     */
    SVM("training accuracy");

    private final String score;

    DirectionMethod(String score) {
        this.score = score;
    }

    /** The name users type: {@code sefa}, {@code pca}, {@code class_mean}, {@code svm}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the score of a direction found by this method is. */
    public String score() {
        return score;
    }

    /**
     * The method of this name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the key and the valid methods
     */
    public static DirectionMethod parse(String key, String text) {
        String t = text == null ? "" : text.trim();
        for (DirectionMethod m : values()) {
            if (m.key().equalsIgnoreCase(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                key
                        + " '"
                        + text
                        + "' is not valid: use "
                        + Arrays.stream(values())
                                .map(DirectionMethod::key)
                                .collect(Collectors.joining(", ")));
    }
}
