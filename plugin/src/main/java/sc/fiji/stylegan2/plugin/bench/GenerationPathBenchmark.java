package sc.fiji.stylegan2.plugin.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ij.ImagePlus;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.scijava.Context;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.generate.LabeledLatents;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.torch.FloatReadback;
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.image.TiffStackWriter;

/**
 * Where the time of {@code ./stylegan2 --run "Generate Images" ... --save out.tif} goes: the stages
 * the launcher runs, each timed, in the order it runs them (SciJava context, model load, latents,
 * synthesis, ImageJ stack, TIFF file), repeated. The synthesis stage is the real {@link
 * ImageGenerator#synthesize} (network, NDArray to {@code float[]}, output range); beside it the
 * same batches run through the network alone with the read back into Java timed on its own, and the
 * output range is applied once more to a copy, so synthesis splits into network, read back and
 * range. Prints a Markdown table of seconds per stage, each with its share of the total.
 *
 * <p>Usage: {@code GenerationPathBenchmark [resolution|model-file] [seeds] [batch] [repeats]}
 * (default 256, 40, 8, 3); a resolution makes a randomly initialised RGB model (z = w = 512,
 * mapping 8, channel base 8192, max 256) in a temporary folder.
 */
public final class GenerationPathBenchmark {

    private GenerationPathBenchmark() {}

    public static void main(String[] args) throws Exception {
        double jvmStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        String modelArg = args.length > 0 ? args[0] : "256";
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = Files.createTempDirectory("stylegan2-bench");
        boolean random = modelArg.matches("\\d+");
        Path modelFile = random ? makeModel(modelArg, dir) : Path.of(modelArg);
        Path tif = dir.resolve("out.tif");
        System.out.printf(
                Locale.ROOT,
                "# Generate Images path: %s, %d seeds, batch %d, %d threads (JVM start to main %.2f s)%n",
                modelFile.getFileName(),
                seeds,
                batch,
                Runtime.getRuntime().availableProcessors(),
                jvmStart);
        System.out.println(
                "| run | context | load | latents | synthesize | (network | read back | output"
                        + " range) | ImageJ stack | TIFF file | total | outside network |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int r = 1; r <= repeats; r++) {
            printRow(r, runOnce(modelFile, tif, seeds, batch));
        }
        Files.deleteIfExists(tif);
        if (random) {
            Files.deleteIfExists(modelFile); // the random model made here
        }
        Files.deleteIfExists(dir);
    }

    /** Seconds of each stage of one run, in launcher order. */
    private static Map<String, Double> runOnce(Path modelFile, Path tif, int seeds, int batch)
            throws Exception {
        Map<String, Double> s = new LinkedHashMap<>();
        long t = System.nanoTime();
        try (Context context = new Context()) {
            t = lap(s, "context", t);
        }
        t = System.nanoTime();
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            t = lap(s, "load", t);
            ImageGenerator generator = model.imageGenerator();
            long[] list = new long[seeds];
            Arrays.setAll(list, i -> i);
            LabeledLatents latents =
                    new LatentSource.Seeds("seeds", list).resolve(generator, 1.0, null);
            t = lap(s, "latents", t);
            GeneratedImages images =
                    generator.synthesize(
                            latents.latents(),
                            latents.labels(),
                            NoiseMode.CONST,
                            OutputRange.MODEL,
                            batch,
                            ProgressListener.NONE);
            t = lap(s, "synthesize", t);
            double[] readBack = new double[1];
            networkAlone(model, latents.latents().ws(), batch, readBack);
            t = lap(s, "network", t);
            s.put("network", s.get("network") - readBack[0]);
            s.put("read back", readBack[0]);
            float[] copy = images.data().clone();
            t = System.nanoTime();
            model.intensity().apply(copy, images.width() * images.height());
            lap(s, "range", t);
            t = System.nanoTime();
            LabeledFloatImg img =
                    LabeledFloatImg.wrap(images).withCalibration(null); // as ModelTasks.wrap
            ImagePlus imp = ImageJ1Stacks.toImagePlus("out", img);
            t = lap(s, "stack", t);
            TiffStackWriter.save(imp, tif);
            lap(s, "tiff", t);
        }
        return s;
    }

    /**
     * The synthesis network over the same batches; the seconds spent reading the images back into
     * Java ({@link FloatReadback}, as generation does) are added to {@code readBack[0]}.
     */
    private static void networkAlone(
            StyleGAN2Model model, float[] ws, int batch, double[] readBack) {
        GeneratorConfig cfg = model.config();
        int perW = cfg.numWs() * cfg.wDim();
        int count = ws.length / perW;
        int perImage = cfg.imgChannels() * cfg.resolution() * cfg.resolution();
        float[] out = new float[count * perImage];
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (int done = 0; done < count; done += batch) {
                int b = Math.min(batch, count - done);
                try (NDScope scope = new NDScope()) {
                    NDArray w =
                            model.manager()
                                    .create(
                                            Arrays.copyOfRange(ws, done * perW, (done + b) * perW),
                                            new Shape(b, cfg.numWs(), cfg.wDim()));
                    NDArray images =
                            model.generator()
                                    .synthesis()
                                    .forward(w, SynthesisOptions.of(NoiseMode.CONST));
                    long t = System.nanoTime();
                    FloatReadback.into(images, out, done * perImage);
                    readBack[0] += (System.nanoTime() - t) / 1e9;
                }
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    private static void printRow(int run, Map<String, Double> s) {
        double total =
                s.get("context")
                        + s.get("load")
                        + s.get("latents")
                        + s.get("synthesize")
                        + s.get("stack")
                        + s.get("tiff");
        // Outside the network, between its output and the file: read back, range, image, file.
        double outside = s.get("read back") + s.get("range") + s.get("stack") + s.get("tiff");
        StringBuilder row = new StringBuilder("| " + run);
        for (Map.Entry<String, Double> e : s.entrySet()) {
            row.append(
                    String.format(
                            Locale.ROOT,
                            " | %.3f (%.0f %%)",
                            e.getValue(),
                            100 * e.getValue() / total));
        }
        row.append(
                String.format(
                        Locale.ROOT,
                        " | %.3f | %.3f (%.0f %%) |",
                        total,
                        outside,
                        100 * outside / total));
        System.out.println(row);
    }

    private static long lap(Map<String, Double> s, String stage, long since) {
        long now = System.nanoTime();
        s.put(stage, (now - since) / 1e9);
        return now;
    }

    private static Path makeModel(String resolution, Path dir) throws Exception {
        GeneratorConfig cfg =
                GeneratorConfig.builder()
                        .setZDim(512)
                        .setWDim(512)
                        .setMappingLayers(8)
                        .setResolution(Integer.parseInt(resolution))
                        .setImgChannels(3)
                        .setChannelBase(8192)
                        .setChannelMax(256)
                        .build();
        Path file = dir.resolve("m" + resolution + ".sg2");
        try (StyleGAN2Model m =
                StyleGAN2Model.create(cfg, null, IntensityMapping.OFFICIAL_8BIT, 0)) {
            m.save(file);
        }
        return file;
    }
}
