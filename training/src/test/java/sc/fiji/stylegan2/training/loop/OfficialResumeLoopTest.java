package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.NvlabsPickleReader;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.bench.BlobData;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;
import sc.fiji.stylegan2.training.data.AugmentOptions;

/**
 * Training continues from the official snapshot in {@code official-snapshot/} (12 kimg, p = 0.375;
 * its README): two minibatches of 4 on 8 px blobs, fewer than ADA's interval of 4, so p is not
 * adjusted yet.
 */
class OfficialResumeLoopTest {

    @TempDir Path tmp;

    @Test
    void trainingContinuesFromTheSnapshotsKimgAndPAndWarnsOnceAboutAdam() throws Exception {
        Path snapshot =
                Path.of(
                        getClass()
                                .getResource("/official-snapshot/network-snapshot-000012.pkl")
                                .toURI());
        List<String> notices = new ArrayList<>();
        TrainingListener listener =
                new TrainingListener() {
                    @Override
                    public void progress(long done, long total, String message) {}

                    @Override
                    public void notice(String message) {
                        notices.add(message);
                    }
                };
        TrainingOptions keys =
                Tiny.options(1).optAugment(AugmentOptions.ada()).optTotalKimg(12.008).build();
        TrainingLoop.Result r =
                new TrainingLoop(new BlobData(12, 1, Tiny.RES, 9), tmp, listener)
                        .resumeOfficial(snapshot, keys);

        double p = NvlabsPickleReader.readSnapshot(snapshot).augmentPipe().p();
        assertEquals(12_000 + 2 * keys.batchSize(), r.state().curNimg());
        TrainingCheckpoint saved = TrainingCheckpoint.read(r.lastCheckpoint());
        try (StyleGAN2Model ignored = saved.model()) {
            assertEquals(p, saved.state().augment().p());
            assertEquals(r.state().curNimg(), saved.state().curNimg());
        }
        assertEquals(1, notices.stream().filter(n -> n.contains("Adam moments")).count());
    }
}
