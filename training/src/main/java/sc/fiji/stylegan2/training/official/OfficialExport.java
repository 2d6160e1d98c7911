package sc.fiji.stylegan2.training.official;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.model.checkpoint.TorchStateDictWriter;
import sc.fiji.stylegan2.model.io.AtomicFile;
import sc.fiji.stylegan2.training.data.TrainingData;

/**
 * Writes the folder the official trainer needs: {@code dataset.zip} ({@link
 * OfficialDatasetWriter}), {@code train.sh} ({@link TrainScript}), {@code export.json} (the
 * official constructor kwargs, the flags and the overrides), {@code train_official.py}, and, when
 * the run continues from our networks, their state dicts {@code G.pt}, {@code D.pt}, {@code
 * G_ema.pt} with {@code make_resume_pkl.py}, which turns them into the {@code resume.pkl} of the
 * official {@code --resume} beside the official code.
 *
 * <p>Why state dicts and a script rather than a pickle written here: the official loader needs
 * objects of its own network classes (pickled with their source by {@code
 * torch_utils.persistence}), which only the official code can make faithfully; a pickle of the
 * TensorFlow era would be converted by {@code legacy.py} through a name map we would have to mirror
 * for every parameter. A state dict is plain tensors under the official names, and {@code
 * load_state_dict(strict=True)} in the script checks every name and shape against the networks the
 * official code builds.
 */
public final class OfficialExport {

    /** What to export. */
    public record Request(
            Path outputDir,
            TrainingData data,
            int[] classes,
            StyleGAN2Model model,
            OfficialTrainCommand command,
            String header) {}

    private static final String RESOURCES = "/sc/fiji/stylegan2/training/official/";

    private OfficialExport() {}

    /**
     * Writes every file; each atomically. The dataset comes first (the long part): a cancel there
     * leaves no file of this export behind.
     *
     * @return the files written, in order
     */
    public static List<Path> write(Request r, ProgressListener progress) throws IOException {
        Files.createDirectories(r.outputDir());
        List<Path> written = new ArrayList<>();
        Path zip = r.outputDir().resolve("dataset.zip");
        OfficialDatasetWriter.write(zip, r.data(), r.classes(), progress);
        written.add(zip);
        boolean resume = r.model() != null;
        if (resume) {
            for (Map.Entry<String, Map<String, TensorData>> net : networks(r.model()).entrySet()) {
                Path pt = r.outputDir().resolve(net.getKey() + ".pt");
                TorchStateDictWriter.write(pt, net.getValue());
                written.add(pt);
            }
            written.add(copyResource(r.outputDir(), "make_resume_pkl.py"));
        }
        written.add(copyResource(r.outputDir(), "train_official.py"));
        Path json = r.outputDir().resolve("export.json");
        writeText(json, exportJson(r));
        written.add(json);
        Path sh = r.outputDir().resolve("train.sh");
        writeText(sh, TrainScript.of(r.command(), resume, r.header()));
        executable(sh);
        written.add(sh);
        return written;
    }

    /** G, D and G_ema with the official names, in the order the official snapshots hold them. */
    static Map<String, Map<String, TensorData>> networks(StyleGAN2Model model) {
        if (model.trainingGenerator() == null || !model.hasDiscriminator()) {
            throw new IllegalArgumentException(
                    "model_file has no "
                            + (model.trainingGenerator() == null
                                    ? "training generator G"
                                    : "discriminator D")
                            + ": the official --resume needs G, D and G_ema; give a training checkpoint"
                            + " (network-snapshot-*.sg2) or an official network-snapshot-*.pkl");
        }
        Map<String, Map<String, TensorData>> nets = new LinkedHashMap<>();
        nets.put("G", model.trainingGenerator().exportStateDict());
        nets.put("D", model.discriminator().exportStateDict());
        nets.put("G_ema", model.generator().exportStateDict());
        return nets;
    }

    static String exportJson(Request r) {
        JsonObject o = new JsonObject();
        o.addProperty("format", "stylegan2-fiji-official-export");
        o.addProperty("version", 1);
        o.addProperty("resolution", r.data().resolution());
        o.addProperty("img_channels", r.data().channels());
        int cDim = 0;
        if (r.classes() != null) {
            for (int c : r.classes()) {
                cDim = Math.max(cDim, c + 1);
            }
        }
        o.addProperty("c_dim", cDim);
        if (r.model() != null) {
            o.add("G_kwargs", OfficialKwargs.generator(r.model().config()));
            o.add("D_kwargs", OfficialKwargs.discriminator(r.model().discriminator().config()));
        }
        o.addProperty("cfg", r.command().cfg());
        o.addProperty("flags_express_the_run", r.command().expressible());
        JsonArray flags = new JsonArray();
        r.command().flags().forEach(flags::add);
        o.add("official_flags", flags);
        JsonArray diff = new JsonArray();
        r.command().differences().forEach(diff::add);
        o.add("differences", diff);
        o.add("train_overrides", r.command().overrides());
        return new GsonBuilder()
                        .setPrettyPrinting()
                        .serializeNulls()
                        .disableHtmlEscaping()
                        .create()
                        .toJson(o)
                + "\n";
    }

    private static Path copyResource(Path dir, String name) throws IOException {
        try (InputStream in = OfficialExport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the plugin; reinstall it");
            }
            byte[] bytes = in.readAllBytes();
            Path target = dir.resolve(name);
            AtomicFile.write(target, out -> out.write(bytes));
            executable(target);
            return target;
        }
    }

    private static void writeText(Path file, String text) throws IOException {
        AtomicFile.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** rwxr-xr-x where the file system has POSIX permissions; elsewhere nothing to do. */
    private static void executable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Windows: scripts run through bash/python explicitly
        }
    }
}
