package sc.fiji.stylegan2.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;
import sc.fiji.stylegan2.model.checkpoint.NvlabsPickleReader;
import sc.fiji.stylegan2.model.checkpoint.NvlabsSnapshot;
import sc.fiji.stylegan2.model.checkpoint.OfficialNetworks;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AugmentOptions;

/**
 * Taking a run of the official trainer back: the snapshot made by the official code in {@code
 * official-snapshot/} (its README says how: 12 kimg, p = 0.375, {@code --augpipe=bgc}, G, G_ema and
 * their {@code w_avg} all different).
 */
class OfficialResumeTest {

    @TempDir Path tmp;

    static Path snapshot() throws URISyntaxException {
        return Path.of(
                OfficialResumeTest.class
                        .getResource("/official-snapshot/network-snapshot-000012.pkl")
                        .toURI());
    }

    /** The keys of a run on 8 px, 1-channel data: batch 4, ada. */
    private static TrainingOptions keys() {
        return Tiny.options(1).optAugment(AugmentOptions.ada()).build();
    }

    private static OfficialResume read(Path file, TrainingOptions keys) throws IOException {
        return OfficialResume.read(file, keys, IntensityMapping.OFFICIAL_8BIT);
    }

    @Test
    void theImageCountIsTheKimgInTheFileName() throws Exception {
        OfficialResume r = read(snapshot(), keys());
        try (StyleGAN2Model ignored = r.checkpoint().model()) {
            assertEquals(12 * 1000, r.checkpoint().state().curNimg());
            assertEquals(12 * 1000 / keys().batchSize(), r.checkpoint().state().batchIdx());
        }
    }

    @Test
    void theAugmentationProbabilityIsTheAugmentPipesP() throws Exception {
        NvlabsSnapshot pickle = NvlabsPickleReader.readSnapshot(snapshot());
        OfficialResume r = read(snapshot(), keys());
        try (StyleGAN2Model ignored = r.checkpoint().model()) {
            assertEquals(0.375, pickle.augmentPipe().p()); // set by the fixture's maker
            assertEquals(pickle.augmentPipe().p(), r.checkpoint().state().augment().p());
        }
    }

    @Test
    void gDAndGEmaWithTheirWAvgAreThePicklesTensors() throws Exception {
        OfficialNetworks pickle = NvlabsPickleReader.read(snapshot());
        OfficialResume r = read(snapshot(), keys());
        try (StyleGAN2Model m = r.checkpoint().model()) {
            assertSameTensors(pickle.g(), m.trainingGenerator().exportStateDict());
            assertSameTensors(pickle.gEma(), m.generator().exportStateDict());
            assertSameTensors(pickle.d(), m.discriminator().exportStateDict());
            // The fixture's G and G_ema differ in w_avg, so the comparison tells them apart.
            assertFalse(
                    Arrays.equals(
                            pickle.g().get("mapping.w_avg").data(),
                            pickle.gEma().get("mapping.w_avg").data()));
        }
    }

    private static void assertSameTensors(
            java.util.Map<String, TensorData> expected, java.util.Map<String, TensorData> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertEquals(expected.get(name), actual.get(name), name);
        }
    }

    @Test
    void theNetworksComeFromThePickleAndTheScheduleFromTheKeys() throws Exception {
        TrainingOptions keys = keys();
        OfficialResume r = read(snapshot(), keys);
        try (StyleGAN2Model m = r.checkpoint().model()) {
            TrainingOptions o = r.checkpoint().options();
            assertEquals(m.config(), o.generator());
            assertNotEquals(keys.generator(), o.generator());
            assertEquals(keys.batchSize(), o.batchSize());
            assertEquals(keys.loss(), o.loss());
            assertEquals(keys.totalKimg(), o.totalKimg());
            assertEquals(keys.seed(), o.seed());
        }
    }

    @Test
    void aNoticeSaysOnceThatAdamMomentsStartFresh() throws Exception {
        OfficialResume r = read(snapshot(), keys());
        r.checkpoint().model().close();
        assertEquals(1, r.notices().stream().filter(n -> n.contains("Adam moments")).count());
        assertTrue(r.checkpoint().gOpt().isEmpty() && r.checkpoint().dOpt().isEmpty());
    }

    @Test
    void aNoticeNamesTheOfficialAugmentationsThisPluginLacks() throws Exception {
        OfficialResume r = read(snapshot(), keys());
        r.checkpoint().model().close();
        String notice =
                r.notices().stream().filter(n -> n.contains("lacks")).findFirst().orElseThrow();
        for (String op : List.of("scale", "rotate", "aniso", "xfrac", "lumaflip", "hue")) {
            assertTrue(notice.contains(op), notice);
        }
    }

    @Test
    void aSnapshotOfAnotherResolutionFailsWithOneLineNamingTheKey() throws Exception {
        TrainingOptions at16 =
                TrainingOptions.builder(TrainingConfig.SMALL, 16, 1).optBatchSize(4).build();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> read(snapshot(), at16));
        assertTrue(e.getMessage().contains("resolution=8"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aTruncatedSnapshotFailsWithOneLineNamingTheFile() throws Exception {
        Path cut = tmp.resolve("network-snapshot-000012.pkl");
        byte[] all = Files.readAllBytes(snapshot());
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> read(cut, keys()));
        assertTrue(e.getMessage().contains(cut.getFileName().toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aRenamedSnapshotStartsAtZeroKimgWithANotice() throws Exception {
        Path renamed = tmp.resolve("resume.pkl");
        Files.copy(snapshot(), renamed);
        OfficialResume r = read(renamed, keys());
        r.checkpoint().model().close();
        assertEquals(0, r.checkpoint().state().curNimg());
        assertTrue(r.notices().stream().anyMatch(n -> n.contains("kimg")), r.notices().toString());
    }

    @Test
    void onlyPicklesAreTakenForOfficialSnapshots() throws Exception {
        Path text = tmp.resolve("network-snapshot-000012.sg2");
        Files.writeString(text, "not a pickle");
        assertTrue(OfficialResume.isPickle(snapshot()));
        assertFalse(OfficialResume.isPickle(text));
    }
}
