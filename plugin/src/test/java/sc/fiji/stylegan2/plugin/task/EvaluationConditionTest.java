package sc.fiji.stylegan2.plugin.task;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;

class EvaluationConditionTest {

    /**
     * With a condition, Evaluate Model's generated images (seeds 0.., ψ 1, const noise) are all of
     * that class: those of the conditional fixture equal the official images of class 3.
     */
    @Test
    void aConditionGivesEverySampleThatClass() throws Exception {
        try (StyleGAN2Model model =
                StyleGAN2Model.load(Fixtures.cond4("network-snapshot-000000.pkl"))) {
            int n = 4, size = model.config().imgChannels() * 32 * 32;
            float[] images = EvaluationTask.generated(model, n, 2, 3, ProgressListener.NONE);
            assertNotNull(images);
            for (int seed = 0; seed < n; seed++) {
                float[] official =
                        sc.fiji.stylegan2.model.testutil.Fixtures.floats(
                                Fixtures.cond4("img_seed" + seed + "_psi1p00_c3.bin"));
                float[] clamped = new float[official.length];
                for (int k = 0; k < official.length; k++) {
                    clamped[k] = Math.max(-1, Math.min(1, official[k])); // Evaluator clamps
                }
                Images.assertImagesClose(
                        clamped,
                        Arrays.copyOfRange(images, seed * size, (seed + 1) * size),
                        Images.OFFICIAL,
                        "seed " + seed + " of class 3 against the official image");
            }
        }
    }
}
