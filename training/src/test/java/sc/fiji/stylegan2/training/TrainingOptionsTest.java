package sc.fiji.stylegan2.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.training.checkpoint.TrainingOptionsJson;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.data.AugmentOptions;

class TrainingOptionsTest {

    @Test
    void smallIsTheIssuesExactConfig() {
        TrainingOptions o = TrainingOptions.builder(TrainingConfig.SMALL, 32, 1).build();
        assertEquals(128, o.generator().zDim());
        assertEquals(128, o.generator().wDim());
        assertEquals(2, o.generator().mappingLayers());
        assertEquals(2048, o.generator().channelBase());
        assertEquals(64, o.generator().channelMax());
        assertEquals(8, o.batchSize());
        assertEquals(4, o.discriminator().mbstdGroupSize());
        assertEquals(0.0002 * 32 * 32 / 8, o.loss().r1Gamma(), 1e-12);
        assertEquals(16, o.loss().r1Interval());
        assertEquals(4, o.loss().plInterval());
        assertEquals(2, o.loss().plWeight());
        assertEquals(0.01, o.loss().plDecay());
        assertEquals(2, o.loss().plBatchShrink());
        assertEquals(0.9, o.loss().styleMixingProb());
        assertEquals(0.0025, o.learningRate());
        assertEquals(0, o.beta1());
        assertEquals(0.99, o.beta2());
        assertEquals(1e-8, o.epsilon());
        assertEquals(8 * 10 / 32.0, o.emaKimg(), 1e-12);
        assertEquals(0.05, o.emaRampup());
    }

    @Test
    void autoFollowsTheOfficialFormulasForOneDevice() {
        TrainingOptions o = TrainingOptions.builder(TrainingConfig.AUTO, 256, 3).build();
        assertEquals(16, o.batchSize()); // min(4096 / 256, 32)
        assertEquals(4, o.discriminator().mbstdGroupSize());
        assertEquals(16384, o.generator().channelBase());
        assertEquals(512, o.generator().channelMax());
        assertEquals(2, o.generator().mappingLayers());
        assertEquals(0.0002 * 256 * 256 / 16, o.loss().r1Gamma(), 1e-12);
        assertEquals(16 * 10 / 32.0, o.emaKimg(), 1e-12);
        assertEquals(0.0025, o.learningRate());
        TrainingOptions big = TrainingOptions.builder(TrainingConfig.AUTO, 1024, 3).build();
        assertEquals(4, big.batchSize());
        assertEquals(32768, big.generator().channelBase());
        assertEquals(0.002, big.learningRate());
    }

    @Test
    void autoGammaAndEmaFollowAnOverriddenBatch() {
        TrainingOptions o =
                TrainingOptions.builder(TrainingConfig.SMALL, 64, 1).optBatchSize(16).build();
        assertEquals(0.0002 * 64 * 64 / 16, o.loss().r1Gamma(), 1e-12);
        assertEquals(5, o.emaKimg(), 1e-12);
    }

    @Test
    void paper256AndCifarKeepTheirFixedValues() {
        TrainingOptions p =
                TrainingOptions.builder(TrainingConfig.PAPER256, 256, 3).optBatchSize(8).build();
        assertEquals(1, p.loss().r1Gamma());
        assertEquals(20, p.emaKimg());
        assertNull(p.emaRampup());
        assertEquals(8, p.generator().mappingLayers());
        TrainingOptions c = TrainingOptions.builder(TrainingConfig.CIFAR, 32, 3).build();
        assertEquals(64, c.batchSize());
        assertEquals(32, c.discriminator().mbstdGroupSize());
        assertEquals(0.01, c.loss().r1Gamma());
        assertEquals(0, c.loss().plWeight());
        assertEquals(0, c.loss().styleMixingProb());
        assertEquals(500, c.emaKimg());
    }

    @Test
    void batchThatIsNotAMultipleOfTheGroupIsRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                TrainingOptions.builder(TrainingConfig.SMALL, 32, 1)
                                        .optBatchSize(6)
                                        .build());
        assertTrue(e.getMessage().contains("multiple"), e.getMessage());
    }

    @Test
    void unknownConfigNamesTheValidOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TrainingConfig.parse("big"));
        assertTrue(e.getMessage().contains("auto, small, cifar or paper256"), e.getMessage());
    }

    @Test
    void jsonRoundTripKeepsEveryValue() {
        TrainingOptions o =
                TrainingOptions.builder(TrainingConfig.PAPER256, 64, 2)
                        .optBatchSize(8)
                        .optSeed(42)
                        .optTotalKimg(12.5)
                        .optSnapshotKimg(3)
                        .optTickKimg(0.5)
                        .optGridImages(6)
                        .optMirror(true)
                        .optAugment(AugmentOptions.fixed(0.35).withTarget(0.5).withAdaKimg(100))
                        .optPrecision(Precision.BF16)
                        .build();
        assertEquals(o, TrainingOptionsJson.parse(TrainingOptionsJson.of(o)));
        assertEquals(o, o.toBuilder().build());
    }

    @Test
    void augmentationDefaultsToTheOfficialAda() {
        AugmentOptions a = TrainingOptions.builder(TrainingConfig.SMALL, 32, 1).build().augment();
        assertEquals(AugmentMode.ADA, a.mode());
        assertEquals(0, a.p());
        assertEquals(0.6, a.target());
        assertEquals(500, a.adaKimg());
    }

    /** Runs saved before augmentation existed had none; their options read back so. */
    @Test
    void optionsWithoutAugmentationKeysReadAsNone() {
        JsonObject j =
                TrainingOptionsJson.of(
                        TrainingOptions.builder(TrainingConfig.SMALL, 32, 1).build());
        for (String key : new String[] {"augment", "augment_p", "ada_target", "ada_kimg"}) {
            j.remove(key);
        }
        assertEquals(AugmentOptions.none(), TrainingOptionsJson.parse(j).augment());
    }

    /** Runs saved before the precision choice existed ran in float32; they read back so. */
    @Test
    void optionsWithoutPrecisionReadAsFloat32() {
        JsonObject j =
                TrainingOptionsJson.of(
                        TrainingOptions.builder(TrainingConfig.SMALL, 32, 1)
                                .optPrecision(Precision.BF16)
                                .build());
        j.remove("precision");
        assertEquals(Precision.FP32, TrainingOptionsJson.parse(j).precision());
    }

    /** {@code auto} becomes what runs on this processor, so a checkpoint records fp32 or bf16. */
    @Test
    void autoPrecisionIsResolvedWhenBuilt() {
        Precision p =
                TrainingOptions.builder(TrainingConfig.SMALL, 32, 1)
                        .optPrecision(Precision.AUTO)
                        .build()
                        .precision();
        assertEquals(Precision.AUTO.resolve(), p);
    }

    @Test
    void invalidAugmentationValuesNameTheirKey() {
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> AugmentMode.parse("always"))
                        .getMessage()
                        .startsWith("augment 'always' is not valid: use ada, none or fixed"));
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> AugmentOptions.fixed(1.5))
                        .getMessage()
                        .startsWith("augment_p"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> AugmentOptions.ada().withTarget(1))
                        .getMessage()
                        .startsWith("ada_target"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> AugmentOptions.ada().withAdaKimg(0))
                        .getMessage()
                        .startsWith("ada_kimg"));
    }
}
