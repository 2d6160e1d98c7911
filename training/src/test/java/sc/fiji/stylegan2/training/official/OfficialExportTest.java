package sc.fiji.stylegan2.training.official;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.model.checkpoint.TorchStateDictReader;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.data.BitDepth;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.DataPreparation;
import sc.fiji.stylegan2.training.data.SourceImage;
import sc.fiji.stylegan2.training.data.SourceStack;
import sc.fiji.stylegan2.training.data.TrainingData;

class OfficialExportTest {

    @TempDir Path tmp;

    private static TrainingData data() {
        Random random = new Random(9);
        List<SourceImage> images =
                List.of(image(random, "a"), image(random, "b"), image(random, "c"));
        return DataPreparation.prepare(
                new SourceStack(images, BitDepth.BITS_8), null, Tiny.RES, DataOptions.DEFAULT);
    }

    private static SourceImage image(Random random, String name) {
        float[] px = new float[Tiny.RES * Tiny.RES];
        for (int k = 0; k < px.length; k++) {
            px[k] = random.nextInt(256);
        }
        return new SourceImage(name, 1, Tiny.RES, Tiny.RES, px);
    }

    private List<Path> export(StyleGAN2Model model) throws Exception {
        TrainingOptions o = Tiny.options(1).build();
        OfficialTrainCommand cmd = new OfficialTrainCommand(o, AugmentMode.ADA, 10, false, 0.0);
        return OfficialExport.write(
                new OfficialExport.Request(tmp, data(), null, model, cmd, "test export"),
                ProgressListener.NONE);
    }

    @Test
    void theFolderHoldsDatasetNetworksScriptsAndTrainSh() throws Exception {
        try (StyleGAN2Model model = Tiny.model(1, 3)) {
            List<String> names =
                    export(model).stream().map(p -> p.getFileName().toString()).toList();
            assertEquals(
                    List.of(
                            "dataset.zip",
                            "G.pt",
                            "D.pt",
                            "G_ema.pt",
                            "make_resume_pkl.py",
                            "train_official.py",
                            "export.json",
                            "train.sh"),
                    names);
        }
        String sh = Files.readString(tmp.resolve("train.sh"));
        assertTrue(sh.contains("train_official.py\" --official \"$OFFICIAL\" --"), sh);
        assertTrue(sh.contains("--resume=\"$HERE/resume.pkl\""), sh);
        assertTrue(Files.isExecutable(tmp.resolve("train.sh")));
    }

    @Test
    void exportJsonHoldsTheOfficialConstructorKwargsOfOurNetworks() throws Exception {
        try (StyleGAN2Model model = Tiny.model(1, 3)) {
            export(model);
        }
        JsonObject o =
                JsonParser.parseString(Files.readString(tmp.resolve("export.json")))
                        .getAsJsonObject();
        JsonObject g = o.getAsJsonObject("G_kwargs");
        assertEquals(16, g.get("z_dim").getAsInt());
        assertEquals(2, g.getAsJsonObject("mapping_kwargs").get("num_layers").getAsInt());
        assertEquals(64, g.getAsJsonObject("synthesis_kwargs").get("channel_base").getAsInt());
        JsonObject d = o.getAsJsonObject("D_kwargs");
        assertEquals(2, d.getAsJsonObject("epilogue_kwargs").get("mbstd_group_size").getAsInt());
        assertEquals("resnet", d.get("architecture").getAsString());
    }

    @Test
    void exportedNetworksRoundTripThroughOurImporter() throws Exception {
        GenerateRequest req =
                GenerateRequest.builder(0, 1, 2, 3, 4, 5, 6, 7)
                        .optTruncationPsi(0.7)
                        .optOutputRange(OutputRange.RAW)
                        .build();
        float[] before;
        Map<String, TensorData> d;
        try (StyleGAN2Model model = Tiny.model(1, 3)) {
            before = model.generate(req, ProgressListener.NONE).data();
            d = model.discriminator().exportStateDict();
            export(model);
        }
        try (StyleGAN2Model loaded = StyleGAN2Model.load(tmp.resolve("G_ema.pt"))) {
            assertArrayEquals(before, loaded.generate(req, ProgressListener.NONE).data(), 1e-5f);
        }
        Map<String, TensorData> back = TorchStateDictReader.read(tmp.resolve("D.pt"));
        assertEquals(d.keySet(), back.keySet());
        d.forEach((k, v) -> assertArrayEquals(v.data(), back.get(k).data(), 0f, k));
    }
}
