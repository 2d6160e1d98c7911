package sc.fiji.stylegan2.training.loop;

import java.nio.file.Path;
import java.nio.file.Paths;
import sc.fiji.stylegan2.model.memory.NotEnoughMemoryException;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.bench.BlobData;

/**
 * The child process of {@link TrainingOutOfMemoryTest}: resumes a checkpoint of {@link
 * #options(int)} under the memory limits its parent set and prints how the run ended: {@code
 * stopped: <message>} (exit code 3) when it ran out of memory, else {@code finished}.
 *
 * <p>Usage: {@code ResumeInChild <checkpoint.sg2> <output dir>}.
 */
public final class ResumeInChild {

    static final int RES = 128;

    private ResumeInChild() {}

    /**
     * 128 px, one channel, 8 feature maps everywhere: cheap per image, large activations per
     * minibatch.
     */
    static TrainingOptions options(int batch) {
        GeneratorConfig g =
                GeneratorConfig.builder()
                        .setZDim(16)
                        .setWDim(16)
                        .setMappingLayers(2)
                        .setResolution(RES)
                        .setImgChannels(1)
                        .setChannelBase(1024)
                        .setChannelMax(8)
                        .build();
        return TrainingOptions.builder(TrainingConfig.SMALL, RES, 1)
                .optGenerator(g)
                .optBatchSize(batch)
                .optMbstdGroup(4)
                .optTotalKimg(0.001)
                .optTickKimg(0.001)
                .optSnapshotKimg(1)
                .optGridImages(0)
                .optSeed(3)
                .build();
    }

    static BlobData data() {
        return new BlobData(8, 1, RES, 1);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[1]);
        try {
            new TrainingLoop(data(), dir, TrainingListener.NONE).resume(Paths.get(args[0]), o -> o);
            System.out.println("finished");
        } catch (NotEnoughMemoryException e) {
            System.out.println("stopped: " + e.getMessage());
            System.exit(3);
        }
    }
}
