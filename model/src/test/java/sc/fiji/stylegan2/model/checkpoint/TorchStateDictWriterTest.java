package sc.fiji.stylegan2.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

class TorchStateDictWriterTest {

    private static final GeneratorConfig TINY_RGB =
            GeneratorConfig.builder()
                    .setZDim(16)
                    .setWDim(16)
                    .setMappingLayers(2)
                    .setResolution(16)
                    .setImgChannels(3)
                    .setChannelBase(128)
                    .setChannelMax(16)
                    .build();

    @TempDir Path tmp;

    private static StyleGAN2Model tinyModel() {
        StyleGAN2Model model =
                StyleGAN2Model.create(
                        TINY_RGB,
                        DiscriminatorConfig.matching(TINY_RGB),
                        IntensityMapping.OFFICIAL_8BIT,
                        11);
        float[] wAvg = new float[TINY_RGB.wDim()];
        for (int i = 0; i < wAvg.length; i++) {
            wAvg[i] = (i % 5) - 2f; // a w_avg that is not zero, so truncation depends on it
        }
        model.generator().mapping().wAvg().set(wAvg);
        return model;
    }

    @Test
    void everyTensorReadsBackUnderItsNameWithItsShapeAndValues() throws Exception {
        try (StyleGAN2Model model = tinyModel()) {
            for (Map<String, TensorData> dict :
                    List.of(
                            model.generator().exportStateDict(),
                            model.trainingGenerator().exportStateDict(),
                            model.discriminator().exportStateDict())) {
                Path file = tmp.resolve("net.pt");
                TorchStateDictWriter.write(file, dict);
                Map<String, TensorData> back = TorchStateDictReader.read(file);
                assertEquals(List.copyOf(dict.keySet()), List.copyOf(back.keySet()));
                dict.forEach(
                        (k, v) -> {
                            assertArrayEquals(v.shape(), back.get(k).shape(), k);
                            assertArrayEquals(v.data(), back.get(k).data(), 0f, k);
                        });
            }
        }
    }

    @Test
    void exportedGEmaGeneratesTheSameImagesThroughTheImporter() throws Exception {
        Path file = tmp.resolve("G_ema.pt");
        GenerateRequest req =
                GenerateRequest.builder(0, 1, 2, 3, 4, 5, 6, 7)
                        .optTruncationPsi(0.7)
                        .optOutputRange(OutputRange.RAW)
                        .build();
        float[] before;
        try (StyleGAN2Model model = tinyModel()) {
            before = model.generate(req, ProgressListener.NONE).data();
            TorchStateDictWriter.write(file, model.generator().exportStateDict());
        }
        try (StyleGAN2Model loaded = StyleGAN2Model.load(file)) {
            float[] after = loaded.generate(req, ProgressListener.NONE).data();
            // The same weights through the same computation: equal within the acceptance
            // tolerance of the export (1e-5); in practice bit for bit.
            assertArrayEquals(before, after, 1e-5f);
        }
    }
}
