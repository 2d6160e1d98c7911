package sc.fiji.stylegan2.training.official;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.data.AugmentOptions;

class OfficialTrainCommandTest {

    private static TrainingOptions options(TrainingConfig config, int res) {
        return TrainingOptions.builder(config, res, 1)
                .optAugment(AugmentOptions.ada())
                .optSnapshotKimg(200)
                .build();
    }

    @Test
    void paper256IsExpressedByTheOfficialFlagsAlone() {
        OfficialTrainCommand cmd =
                new OfficialTrainCommand(
                        options(TrainingConfig.PAPER256, 256), AugmentMode.ADA, 5000, false, null);
        assertTrue(cmd.expressible(), () -> cmd.differences().toString());
        assertEquals(
                List.of(
                        "--cfg=paper256",
                        "--batch=64",
                        "--gamma=1",
                        "--kimg=5000",
                        "--snap=50",
                        "--mirror=0",
                        "--aug=ada",
                        "--target=0.6",
                        "--seed=0",
                        "--metrics=none"),
                cmd.flags().stream().map(f -> f.startsWith("--seed=") ? "--seed=0" : f).toList());
    }

    @Test
    void ourAutoAt256NeedsOverridesBecauseOfficialAutoFollowsTheGpuCount() {
        OfficialTrainCommand cmd =
                new OfficialTrainCommand(
                        options(TrainingConfig.AUTO, 256), AugmentMode.ADA, 100, false, null);
        assertFalse(cmd.expressible());
        assertFalse(cmd.flags().contains("--cfg=auto"), cmd.flags().toString());
        assertTrue(
                cmd.differences().stream().anyMatch(d -> d.startsWith("mapping layers 2")),
                cmd.differences().toString());
    }

    @Test
    void smallConfigListsEveryNetworkSizeTheFlagsCannotSay() {
        OfficialTrainCommand cmd =
                new OfficialTrainCommand(
                        options(TrainingConfig.SMALL, 32), AugmentMode.NONE, 100, false, null);
        List<String> d = cmd.differences();
        assertTrue(d.contains("z = w = 128 (official 512)"), d.toString());
        assertTrue(d.contains("channel_max 64 (official 512)"), d.toString());
        JsonObject o = cmd.overrides();
        assertEquals(128, o.get("G_kwargs.z_dim").getAsInt());
        assertEquals(2048, o.get("D_kwargs.channel_base").getAsInt());
        assertEquals(2, o.get("G_kwargs.mapping_kwargs.num_layers").getAsInt());
    }

    @Test
    void resumingCarriesTheAdaProbabilityThroughTheOverrides() {
        OfficialTrainCommand cmd =
                new OfficialTrainCommand(
                        options(TrainingConfig.PAPER256, 256), AugmentMode.ADA, 100, false, 0.25);
        assertEquals(0.25, cmd.overrides().get("augment_p").getAsDouble());
        assertTrue(cmd.overrides().get("ema_rampup").isJsonNull(), "as the official --resume");
        assertTrue(
                cmd.differences().contains("ADA p 0.25 carried (official 0 on resume)"),
                cmd.differences().toString());
    }

    @Test
    void snapshotsAreCountedInOfficialTicksOfFourKimg() {
        assertEquals(50, OfficialTrainCommand.snapTicks(200));
        assertEquals(1, OfficialTrainCommand.snapTicks(0.5));
    }
}
