package sc.fiji.stylegan2.model.memory;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * The child process of {@link GenerationOutOfMemoryTest}: generates seeds {@code 0..count-1} of
 * {@link #MODEL} at a batch size under the memory limits its parent set, prints every notice as
 * {@code notice: ...} and writes the images (raw floats, big-endian) to a file.
 *
 * <p>Usage: {@code GenerateInChild <count> <batch_size> <images.bin>}.
 */
public final class GenerateInChild {

    /**
     * 256 px, one channel, 8 feature maps at every resolution: little to compute and few weights,
     * but a batch's activations are large ([batch, 8, 256, 256] and the upsampled [batch, 8, 515,
     * 515] before the filter: about 8.5 MB per image).
     */
    static final GeneratorConfig MODEL =
            GeneratorConfig.builder()
                    .setZDim(16)
                    .setWDim(16)
                    .setMappingLayers(2)
                    .setResolution(256)
                    .setImgChannels(1)
                    .setChannelBase(2048)
                    .setChannelMax(8)
                    .build();

    private GenerateInChild() {}

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        int batchSize = Integer.parseInt(args[1]);
        GeneratedImages images =
                generate(
                        count,
                        batchSize,
                        new ProgressListener() {
                            @Override
                            public void progress(long done, long total, String message) {}

                            @Override
                            public void notice(String message) {
                                System.out.println("notice: " + message);
                            }
                        });
        write(Paths.get(args[2]), images.data());
    }

    /** Seeds {@code 0..count-1} of {@link #MODEL} (initialised from seed 0), raw range. */
    static GeneratedImages generate(int count, int batchSize, ProgressListener progress) {
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = i;
        }
        try (StyleGAN2Model model =
                StyleGAN2Model.create(MODEL, null, IntensityMapping.OFFICIAL_8BIT, 0)) {
            return model.generate(
                    GenerateRequest.builder(seeds)
                            .optBatchSize(batchSize)
                            .optOutputRange(OutputRange.RAW)
                            .build(),
                    progress);
        }
    }

    private static void write(Path file, float[] data) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(
                        new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            for (float v : data) {
                out.writeFloat(v);
            }
        }
    }
}
