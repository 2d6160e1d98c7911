package sc.fiji.stylegan2.model.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.testutil.Fixtures;

/** Condition transitions on the official conditional fixture {@code res32-cond4}. */
class ConditionTransitionTest {

    private static final long[] SEEDS = {0, 1};
    private static final double PSI = 0.7;
    private static StyleGAN2Model model;

    @BeforeAll
    static void open() throws Exception {
        model =
                StyleGAN2Model.load(
                        Fixtures.conditional()
                                .resolve("res32-cond4")
                                .resolve("network-snapshot-000000.pkl"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static GeneratedImages generate(int classIndex) {
        return model.generate(
                GenerateRequest.builder(SEEDS)
                        .optTruncationPsi(PSI)
                        .optClassIndex(classIndex)
                        .optOutputRange(OutputRange.RAW)
                        .build(),
                ProgressListener.NONE);
    }

    private static float[] image(GeneratedImages images, int i) {
        int per = images.channels() * images.height() * images.width();
        return Arrays.copyOfRange(images.data(), i * per, (i + 1) * per);
    }

    @Test
    void wLerpFramesAtZeroAndOneAreGenerateImagesOfEachClass() {
        ConditionTransition transition = new ConditionTransition(model, 0, 3, 5);
        Latents frames = transition.wLerp(SEEDS, PSI);
        GeneratedImages images =
                model.imageGenerator()
                        .synthesize(
                                frames,
                                transition.labels(List.of("seed=0", "seed=1")),
                                NoiseMode.CONST,
                                OutputRange.RAW,
                                8,
                                ProgressListener.NONE);
        GeneratedImages classA = generate(0), classB = generate(3);
        for (int s = 0; s < SEEDS.length; s++) {
            // the same computation in other batch shapes: equal up to oneDNN's kernel choice
            assertImagesClose(image(classA, s), image(images, s * 5), 1e-5, "t=0, seed " + s);
            assertImagesClose(image(classB, s), image(images, s * 5 + 4), 1e-5, "t=1, seed " + s);
        }
        assertEquals("seed=1 class=0>3 t=0.250", images.labels().get(6));
    }

    @Test
    void embeddingStartsAndEndsAtTheOneHotLabels() {
        ConditionTransition transition = new ConditionTransition(model, 1, 2, 3);
        float[] embedded = transition.embedding(SEEDS, PSI).ws();
        float[] lerped = transition.wLerp(SEEDS, PSI).ws();
        int per = model.config().numWs() * model.config().wDim();
        for (int frame : new int[] {0, 2, 3, 5}) {
            assertArrayEquals(
                    Arrays.copyOfRange(lerped, frame * per, (frame + 1) * per),
                    Arrays.copyOfRange(embedded, frame * per, (frame + 1) * per),
                    1e-5f,
                    "frame " + frame);
        }
    }
}
