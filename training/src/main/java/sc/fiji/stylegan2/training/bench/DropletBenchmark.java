package sc.fiji.stylegan2.training.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.checkpoint.SnapshotFiles;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.DataPreparation;
import sc.fiji.stylegan2.training.data.IntensityOptions;
import sc.fiji.stylegan2.training.data.SamplingMode;
import sc.fiji.stylegan2.training.data.SamplingOptions;
import sc.fiji.stylegan2.training.data.TrainingData;
import sc.fiji.stylegan2.training.loop.Snapshot;
import sc.fiji.stylegan2.training.loop.TrainingListener;
import sc.fiji.stylegan2.training.loop.TrainingLoop;

/**
 * Droplet benchmark (not a test): the StyleGAN2 paper's Sec. 2 / Fig. 1 on this tool's data. Trains
 * config {@code small} at 64x64 on tiles of 4 synthetic two-channel {@link Micrographs} (a
 * cell-image-like stack) twice, as the original StyleGAN ({@code stylegan1}, AdaIN, not growing)
 * and as StyleGAN2, for the same training wall time each, and at every snapshot prints per
 * synthesis layer the droplet statistics of G_ema for seed 0 ({@link LayerSpikes}: whole-layer and
 * worst-channel {@code max|a| / median|a|}, the fraction of channels peaking within 1 px of one
 * location) as a Markdown table, also written to {@code droplets.md}. At the end {@code
 * droplets.png}: one row per architecture, the image, the channel-mean |a| of the 64x64 (or
 * largest) feature map and its spikiest channel's |a|, each map scaled to its own maximum (the
 * paper's Fig. 1). Checkpoints go to {@code <output>/<architecture>/}.
 *
 * <p>Usage: {@code DropletBenchmark [minutes=30] [output_dir|-] [snapshot_kimg=2]
 * [architectures=stylegan1,stylegan2]}; {@code minutes} is the training CPU time of each
 * architecture ({@link TrainingClock#cpu()}: run with {@code OMP_NUM_THREADS=1}, one process per
 * architecture, to train both at once on two cores; {@code none} trains nothing and only redraws
 * the figure). The figure takes each architecture's latest checkpoint in the output folder, so the
 * last of two such processes to finish draws both rows. Whether droplets appear at a given budget
 * is what it measures, not what it assumes.
 */
public final class DropletBenchmark {

    /** Training and figure resolution: the paper sees droplets from 64x64 on. */
    private static final int RESOLUTION = 64;

    /** Pixels per feature-map tile in the figure. */
    private static final int TILE = 128;

    private DropletBenchmark() {}

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        Path out =
                args.length > 1 && !args[1].equals("-")
                        ? Path.of(args[1])
                        : Files.createTempDirectory("stylegan2-droplets");
        double snapshotKimg = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        List<Architecture> trained = new ArrayList<>();
        for (String key : (args.length > 3 ? args[3] : "stylegan1,stylegan2").split(",")) {
            if (!key.equals("none")) {
                trained.add(Architecture.of(key));
            }
        }
        TrainingData data =
                DataPreparation.prepare(
                        Micrographs.make(4, 512, 75, 1),
                        null,
                        RESOLUTION,
                        new DataOptions(
                                IntensityOptions.DEFAULT,
                                new SamplingOptions(SamplingMode.TILES, 1, 0)));
        StringBuilder md = new StringBuilder();
        md.append(
                String.format(
                        Locale.ROOT,
                        "# Droplets: config small, %d px tiles of 4 synthetic 512² micrographs,"
                                + " %.1f training CPU min per architecture, G_ema seed 0, psi 1, noise"
                                + " const, output %s%n",
                        RESOLUTION,
                        minutes,
                        out));
        md.append(
                "| architecture | kimg | layer | size | max/median abs(a) | worst channel"
                        + " max/median abs(a) | peak agreement | peak x, y |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        System.out.print(md);
        Path table =
                out.resolve(
                        trained.size() == 1
                                ? "droplets-" + trained.get(0).key() + ".md"
                                : "droplets.md");
        for (Architecture a : trained) {
            train(a, data, minutes, snapshotKimg, out, md, table);
        }
        List<LayerSpikes> finals = new ArrayList<>();
        for (Architecture a : new Architecture[] {Architecture.STYLEGAN1, Architecture.STYLEGAN2}) {
            Optional<Path> last = SnapshotFiles.latest(out.resolve(a.key()));
            if (last.isPresent()) {
                try (StyleGAN2Model model = StyleGAN2Model.load(last.get())) {
                    finals.add(LayerSpikes.of(model, 0));
                }
            }
        }
        writeFigure(finals, out.resolve("droplets.png"));
        System.out.println("figure: " + out.resolve("droplets.png"));
    }

    /** Trains one architecture for {@code minutes} of CPU time, reporting every snapshot. */
    private static void train(
            Architecture architecture,
            TrainingData data,
            double minutes,
            double snapshotKimg,
            Path out,
            StringBuilder md,
            Path table)
            throws Exception {
        String key = architecture.key();
        TrainingClock clock = TrainingClock.cpu();
        TrainingListener listener =
                new TrainingListener() {
                    @Override
                    public void progress(long done, long total, String message) {}

                    @Override
                    public boolean isCanceled() {
                        return clock.trainingMinutes() >= minutes;
                    }

                    @Override
                    public void snapshot(Snapshot s) {
                        clock.pause();
                        try (StyleGAN2Model model = StyleGAN2Model.load(s.checkpoint())) {
                            String rows = rows(key, s.kimg(), LayerSpikes.of(model, 0));
                            System.out.print(rows);
                            md.append(rows);
                            Files.writeString(table, md);
                        } catch (Exception e) {
                            System.out.println("| " + key + " | " + s.kimg() + " | failed: " + e);
                        }
                        clock.resume();
                    }
                };
        TrainingOptions.Builder b =
                TrainingOptions.builder(TrainingConfig.SMALL, data.resolution(), data.channels())
                        .optTotalKimg(100_000)
                        .optSnapshotKimg(snapshotKimg)
                        .optTickKimg(Math.min(1, snapshotKimg))
                        .optAugment(AugmentOptions.none())
                        .optArchitecture(architecture);
        if (architecture == Architecture.STYLEGAN1) {
            b.optPlWeight(0); // the official v1 trains without path length regularisation
        }
        new TrainingLoop(data, out.resolve(key), listener).train(b.build());
    }

    private static String rows(String architecture, double kimg, LayerSpikes spikes) {
        StringBuilder sb = new StringBuilder();
        for (LayerSpikes.Layer l : spikes.layers()) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.2f | %s | %d | %.1f | %.1f | %.2f | %d, %d |%n",
                            architecture,
                            kimg,
                            l.name(),
                            l.size(),
                            l.spikeRatio(),
                            l.worstChannelRatio(),
                            l.peaks().fraction(),
                            l.peaks().x(),
                            l.peaks().y()));
        }
        return sb.toString();
    }

    /** One row per architecture: image, channel-mean |a|, spikiest channel |a|. */
    private static void writeFigure(List<LayerSpikes> rows, Path file) throws Exception {
        BufferedImage img =
                new BufferedImage(3 * TILE, rows.size() * TILE, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows.size(); r++) {
            LayerSpikes s = rows.get(r);
            if (s == null) {
                continue; // no snapshot was written
            }
            drawImage(img, s.image(), r * TILE);
            LayerSpikes.Layer layer = s.figureLayer(RESOLUTION);
            drawMap(img, meanMagnitude(layer), layer.size(), TILE, r * TILE);
            drawMap(img, LayerSpikes.spikiestChannel(layer), layer.size(), 2 * TILE, r * TILE);
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    /** {@code mean_c |a_c(x, y)|}. */
    private static float[] meanMagnitude(LayerSpikes.Layer layer) {
        int channels = (int) layer.shape()[1], plane = layer.size() * layer.size();
        float[] out = new float[plane];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < plane; p++) {
                out[p] += Math.abs(layer.values()[c * plane + p]) / channels;
            }
        }
        return out;
    }

    /** A map scaled to its maximum, grey, nearest-neighbour to {@value #TILE} px. */
    private static void drawMap(BufferedImage img, float[] map, int size, int x0, int y0) {
        float max = 0;
        for (float v : map) {
            max = Math.max(max, v);
        }
        for (int y = 0; y < TILE; y++) {
            for (int x = 0; x < TILE; x++) {
                float v = map[(y * size / TILE) * size + x * size / TILE];
                int g = max > 0 ? Math.round(255 * v / max) : 0;
                img.setRGB(x0 + x, y0 + y, (g << 16) | (g << 8) | g);
            }
        }
    }

    /** A [-1, 1] image: channel 1 magenta, channel 2 green (grey with one channel). */
    private static void drawImage(BufferedImage img, GeneratedImages g, int y0) {
        int res = g.width(), plane = res * res;
        for (int y = 0; y < TILE; y++) {
            for (int x = 0; x < TILE; x++) {
                int k = (y * res / TILE) * res + x * res / TILE;
                int a = level(g.data()[k]);
                int b = g.channels() > 1 ? level(g.data()[plane + k]) : a;
                img.setRGB(x, y0 + y, (a << 16) | (b << 8) | a);
            }
        }
    }

    private static int level(float x) {
        return (int) Math.max(0, Math.min(255, Math.round((x + 1) * 127.5)));
    }
}
