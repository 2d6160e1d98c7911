package sc.fiji.stylegan2.model.project;

import java.util.Locale;

/** Where the projector searches (StyleGAN2 Sec. 5 and appendix D; Abdal et al. 2019 for W+). */
public enum ProjectionSpace {
    /**
     * One w shared by all layers, as the StyleGAN2 paper's projector: stays on the model's
     * manifold.
     */
    W("W"),
    /**
     * One w per layer ({@code [num_ws, w_dim]}): reconstructs more, including images the model
     * never made.
     */
    W_PLUS("W+");

    private final String key;

    ProjectionSpace(String key) {
        this.key = key;
    }

    /** The key users type: {@code W} or {@code W+}. */
    public String key() {
        return key;
    }

    /** Rows of w the optimiser holds per image: 1 in W, {@code numWs} in W+. */
    public int rows(int numWs) {
        return this == W ? 1 : numWs;
    }

    /** Parses {@code W} or {@code W+} (case-insensitive; {@code W_PLUS} and {@code Wplus} too). */
    public static ProjectionSpace parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        switch (t) {
            case "W":
                return W;
            case "W+":
            case "W_PLUS":
            case "WPLUS":
                return W_PLUS;
            default:
                throw new IllegalArgumentException(
                        "space '" + text + "' is not valid: use W or W+");
        }
    }
}
