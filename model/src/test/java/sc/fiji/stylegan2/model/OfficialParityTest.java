package sc.fiji.stylegan2.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.testutil.Fixtures;
import sc.fiji.stylegan2.model.testutil.Images;

/**
 * The acceptance comparison: for every fixture made by the official code, our generator opened from
 * the official {@code .pkl} and {@code .pt} reproduces w and the images, and our discriminator the
 * logits.
 */
class OfficialParityTest {

    static Stream<Arguments> files() throws Exception {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Path fx : Fixtures.all()) {
            b.add(Arguments.of(fx.getFileName().toString(), "network-snapshot-000000.pkl"));
            b.add(Arguments.of(fx.getFileName().toString(), "G_ema.pt"));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("files")
    void imagesAndWMatchOfficial(String fixture, String file) throws Exception {
        Path fx = Fixtures.root().resolve(fixture);
        double worstW = 0, worstImg = 0;
        try (StyleGAN2Model model = StyleGAN2Model.load(fx.resolve(file))) {
            int zDim = model.config().zDim();
            for (String psi : new String[] {"1p00", "0p70"}) {
                double p = psi.equals("1p00") ? 1.0 : 0.7;
                GeneratedImages imgs =
                        model.generate(
                                GenerateRequest.builder(0, 1, 2, 3)
                                        .optTruncationPsi(p)
                                        .optNoiseMode(NoiseMode.CONST)
                                        .optOutputRange(OutputRange.RAW)
                                        .build(),
                                ProgressListener.NONE);
                for (int seed = 0; seed < 4; seed++) {
                    float[] expected =
                            Fixtures.floats(fx.resolve("img_seed" + seed + "_psi" + psi + ".bin"));
                    float[] actual =
                            java.util.Arrays.copyOfRange(
                                    imgs.data(),
                                    seed * expected.length,
                                    (seed + 1) * expected.length);
                    worstImg = Math.max(worstImg, Images.maxAbsDiff(expected, actual));
                    Images.assertImagesClose(
                            expected,
                            actual,
                            Images.OFFICIAL,
                            fixture
                                    + "/"
                                    + file
                                    + " seed "
                                    + seed
                                    + " psi "
                                    + psi
                                    + " against the official image");
                    try (NDScope s = new NDScope()) {
                        NDArray z =
                                model.manager()
                                        .create(
                                                Fixtures.floats(
                                                        fx.resolve("z_seed" + seed + ".bin")),
                                                new Shape(1, zDim));
                        float[] w = model.generator().mapping().forward(z, p, null).toFloatArray();
                        worstW =
                                Math.max(
                                        worstW,
                                        Images.maxAbsDiff(
                                                Fixtures.floats(
                                                        fx.resolve(
                                                                "w_seed" + seed + "_psi" + psi
                                                                        + ".bin")),
                                                w));
                    }
                }
            }
        }
        System.out.printf(
                "parity %s/%s: worst |w err| %.3g, worst |img err| %.3g%n",
                fixture, file, worstW, worstImg);
        assertTrue(worstW <= Images.OFFICIAL, "w error " + worstW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void discriminatorLogitsMatchOfficial(String fixture) throws Exception {
        Path fx = Fixtures.root().resolve(fixture);
        try (StyleGAN2Model model =
                StyleGAN2Model.load(fx.resolve("network-snapshot-000000.pkl"))) {
            assertTrue(model.hasDiscriminator());
            int c = model.config().imgChannels(), r = model.config().resolution();
            for (String psi : new String[] {"1p00", "0p70"}) {
                float[] batch = new float[4 * c * r * r];
                for (int seed = 0; seed < 4; seed++) {
                    float[] img =
                            Fixtures.floats(fx.resolve("img_seed" + seed + "_psi" + psi + ".bin"));
                    System.arraycopy(img, 0, batch, seed * img.length, img.length);
                }
                float[] expected = Fixtures.floats(fx.resolve("dlogits_psi" + psi + ".bin"));
                try (NDScope s = new NDScope()) {
                    float[] logits =
                            model.discriminator()
                                    .forward(model.manager().create(batch, new Shape(4, c, r, r)))
                                    .toFloatArray();
                    double err = Images.maxAbsDiff(expected, logits);
                    System.out.printf(
                            "parity %s D logits psi %s: %s vs %s, err %.3g%n",
                            fixture,
                            psi,
                            java.util.Arrays.toString(logits),
                            java.util.Arrays.toString(expected),
                            err);
                    assertArrayEquals(expected, logits, (float) Images.OFFICIAL);
                }
            }
        }
    }

    static Stream<String> fixtures() throws Exception {
        return Fixtures.all().stream().map(p -> p.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void stateDictFileHasNoDiscriminator(String fixture) throws Exception {
        try (StyleGAN2Model model =
                StyleGAN2Model.load(Fixtures.root().resolve(fixture).resolve("G_ema.pt"))) {
            assertFalse(model.hasDiscriminator());
        }
    }
}
