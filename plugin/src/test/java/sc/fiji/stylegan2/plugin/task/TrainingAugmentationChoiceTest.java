package sc.fiji.stylegan2.plugin.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.data.AugmentOptions;

class TrainingAugmentationChoiceTest {

    @Test
    void autoIsAdaForSmallStacksAndNoneForLargeOnes() {
        int limit = AugmentMode.AUTO_ADA_BELOW;
        AugmentOptions small = TrainingTask.augmentation("auto", 0.2, 0.6, 500, limit - 1);
        assertEquals(AugmentMode.ADA, small.mode());
        assertEquals(0.2, small.p(), "ada starts at augment_p");
        AugmentOptions large = TrainingTask.augmentation("auto", 0.2, 0.6, 500, limit);
        assertEquals(AugmentMode.NONE, large.mode());
        assertEquals(0, large.p(), "none has no p");
    }

    @Test
    void explicitModesIgnoreTheStackSize() {
        assertEquals(
                AugmentMode.ADA, TrainingTask.augmentation("ada", 0, 0.6, 500, 1_000_000).mode());
        assertEquals(AugmentMode.NONE, TrainingTask.augmentation("none", 0, 0.6, 500, 10).mode());
        assertEquals(
                AugmentMode.FIXED, TrainingTask.augmentation("fixed", 0.3, 0.6, 500, 10).mode());
        assertEquals(
                "augment 'always' is not valid: use auto, ada, none or fixed",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TrainingTask.augmentation("always", 0, 0.6, 500, 10))
                        .getMessage());
    }
}
