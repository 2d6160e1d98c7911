package sc.fiji.stylegan2.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.v1.ProgressiveDiscriminator;
import sc.fiji.stylegan2.model.network.v1.StyleSynthesisNetwork;

/** A StyleGAN (v1) model as a whole: built, run, saved and loaded like a StyleGAN2 one. */
class StyleGAN1ModelTest {

    static final GeneratorConfig TINY_V1 =
            ModelCheckpointTest.TINY.toBuilder().optArchitecture(Architecture.STYLEGAN1).build();

    @TempDir Path tmp;

    private static StyleGAN2Model create() {
        return StyleGAN2Model.create(
                TINY_V1,
                DiscriminatorConfig.matching(TINY_V1),
                IntensityMapping.ofDataRange(0, 255),
                3);
    }

    @Test
    void theArchitectureChoosesTheV1NetworksForGAndD() {
        try (StyleGAN2Model model = create()) {
            assertInstanceOf(StyleSynthesisNetwork.class, model.generator().synthesis());
            assertInstanceOf(StyleSynthesisNetwork.class, model.trainingGenerator().synthesis());
            assertInstanceOf(ProgressiveDiscriminator.class, model.discriminator());
        }
    }

    @Test
    void generatorAndDiscriminatorGiveImagesAndLogitsOfTheRightShape() {
        try (StyleGAN2Model model = create()) {
            NDArray z = model.manager().randomNormal(new Shape(4, 16));
            NDArray img =
                    model.trainingGenerator()
                            .forward(
                                    z,
                                    1,
                                    null,
                                    sc.fiji.stylegan2.model.network.SynthesisOptions.of(
                                            NoiseMode.RANDOM));
            assertEquals(new Shape(4, 2, 16, 16), img.getShape());
            assertEquals(new Shape(4, 1), model.discriminator().forward(img).getShape());
        }
    }

    @Test
    void saveAndLoadKeepTheArchitectureTheLodAndTheImages() throws Exception {
        Path file = tmp.resolve("v1.sg2");
        GenerateRequest req = GenerateRequest.builder(0, 1, 2).optTruncationPsi(0.7).build();
        GeneratedImages before;
        try (StyleGAN2Model model = create()) {
            model.setLod(0.5);
            before = model.generate(req, ProgressListener.NONE);
            model.save(file);
        }
        try (StyleGAN2Model loaded = StyleGAN2Model.load(file)) {
            assertEquals(TINY_V1, loaded.config());
            assertEquals(0.5, loaded.lod());
            assertArrayEquals(
                    before.data(), loaded.generate(req, ProgressListener.NONE).data(), 0f);
        }
    }

    @Test
    void modelInfoNamesTheArchitecture() {
        try (StyleGAN2Model model = create()) {
            assertTrue(model.describe().contains("architecture: stylegan1"), model.describe());
        }
    }

    @Test
    void truncationOfAV1ModelMovesOnlyTheFirstEightWs() {
        GeneratorConfig cfg = TINY_V1.toBuilder().setResolution(64).build(); // 10 ws
        try (StyleGAN2Model model =
                StyleGAN2Model.create(cfg, null, IntensityMapping.OFFICIAL_8BIT, 2)) {
            float[] full = model.imageGenerator().mapSeeds(new long[] {3}, 1, null);
            float[] truncated = model.imageGenerator().mapSeeds(new long[] {3}, 0.5, null);
            int w = cfg.wDim();
            for (int layer = 0; layer < cfg.numWs(); layer++) {
                boolean same = true;
                for (int i = 0; i < w; i++) {
                    same &= full[layer * w + i] == truncated[layer * w + i];
                }
                assertEquals(layer >= 8, same, "layer " + layer);
            }
        }
    }

    @Test
    void aStyleGAN2ModelRefusesALevelOfDetail() {
        try (StyleGAN2Model model =
                StyleGAN2Model.create(
                        ModelCheckpointTest.TINY, null, IntensityMapping.OFFICIAL_8BIT, 1)) {
            assertThrows(IllegalArgumentException.class, () -> model.setLod(1));
        }
    }
}
