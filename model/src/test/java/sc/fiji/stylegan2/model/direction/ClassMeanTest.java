package sc.fiji.stylegan2.model.direction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.explore.ConditionTransition;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.testutil.Fixtures;

/**
 * Class means on a conditional model whose answer is known by construction: the fixture {@code
 * res32-cond4} with the z inputs of its first mapping layer set to zero, so that w depends on the
 * class only and every class mean is the w of any one sample of that class.
 */
class ClassMeanTest {

    private static final double PSI = 0.7;
    private static StyleGAN2Model model;
    private static ImageGenerator generator;

    @BeforeAll
    static void open() throws Exception {
        model =
                StyleGAN2Model.load(
                        Fixtures.conditional()
                                .resolve("res32-cond4")
                                .resolve("network-snapshot-000000.pkl"));
        // fc0 takes [z, embed(c)]: zero the weights of the z part
        NDArray fc0 = model.generator().stateDict().get("mapping.fc0.weight");
        fc0.set(new NDIndex(":, :{}", model.config().zDim()), 0f);
        generator = model.imageGenerator();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static float[] w(long seed, int classIndex) {
        return generator.mapSeeds(new long[] {seed}, classIndex, PSI, null);
    }

    @Test
    void differenceOfClassMeansIsTheDifferenceOfTheClassesWs() {
        float[] expected = w(0, 3);
        float[] a = w(0, 1);
        for (int i = 0; i < expected.length; i++) {
            expected[i] -= a[i];
        }
        assertArrayEquals(expected, ClassMean.difference(generator, 1, 3, 20, PSI), 1e-5f);
    }

    @Test
    void classMeanTransitionTakesAnImageOfClassAToClassB() {
        Latents start = new Latents(1, model.config().numWs(), model.config().wDim(), w(7, 0));
        Latents frames = new ConditionTransition(model, 0, 2, 2).classMean(start, 10, PSI);
        int per = model.config().numWs() * model.config().wDim();
        assertArrayEquals(w(7, 2), java.util.Arrays.copyOfRange(frames.ws(), per, 2 * per), 1e-5f);
    }
}
