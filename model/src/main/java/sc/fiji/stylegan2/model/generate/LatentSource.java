package sc.fiji.stylegan2.model.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sc.fiji.stylegan2.model.latent.LatentFile;
import sc.fiji.stylegan2.model.latent.Latents;

/**
 * Where a command's per-layer latents ws come from: seeds, mapped as the official {@code
 * generate.py} does (z from numpy's {@code RandomState(seed)}, then the mapping network), or latent
 * files ({@link LatentFile}: a projection's {@code .npz} with its noise maps, or a {@code .csv}).
 * Either way truncation {@code w' = w_avg + psi (w - w_avg)} (StyleGAN paper, Sec. 3.3) is applied,
 * so a file holding a seed's ws gives exactly that seed's ws.
 */
public sealed interface LatentSource permits LatentSource.Seeds, LatentSource.Files {

    /** The parameter key the latents were given with, for messages (e.g. {@code row_seeds}). */
    String key();

    /**
     * The labelled latents ({@code seed=S}, {@code <file name>[i]}) of an unconditional model,
     * truncated by {@code psi}.
     *
     * @throws IllegalArgumentException naming the key and file when a file cannot be read or does
     *     not fit the generator, or when seeds are given for a conditional model ({@link
     *     ClassLabels#requireUnconditional})
     */
    default LabeledLatents resolve(ImageGenerator generator, double psi) {
        if (this instanceof Seeds) {
            generator.classes().requireUnconditional();
        }
        return resolve(generator, psi, null);
    }

    /**
     * The labelled latents, truncated by {@code psi}; seeds are mapped with class {@code
     * classIndex} (required for a conditional model, null otherwise). A latent file's ws already
     * hold their class, so files take none.
     *
     * @throws IllegalArgumentException as {@link #resolve(ImageGenerator, double)}, or naming
     *     {@code condition} when a class is missing, out of range, or given with latent files
     */
    LabeledLatents resolve(ImageGenerator generator, double psi, Integer classIndex);

    /** Seeds given with a parameter key. */
    static LatentSource seeds(String key, long... seeds) {
        return new Seeds(key, seeds);
    }

    /** Latent files given with a parameter key, read in order. */
    static LatentSource files(String key, List<Path> files) {
        return new Files(key, files);
    }

    /** Seeds, each one image: {@code RandomState(seed)}'s z through the mapping network. */
    record Seeds(String key, long[] seeds) implements LatentSource {

        public Seeds {
            if (seeds.length == 0) {
                throw new IllegalArgumentException(key + ": give at least one seed");
            }
            seeds = seeds.clone();
        }

        @Override
        public long[] seeds() {
            return seeds.clone();
        }

        /** The seeds' labels, {@code seed=S}. */
        public List<String> labels() {
            return Arrays.stream(seeds).mapToObj(s -> "seed=" + s).toList();
        }

        @Override
        public LabeledLatents resolve(ImageGenerator generator, double psi, Integer classIndex) {
            float[] ws = generator.mapSeeds(seeds, classIndex, psi, null);
            Latents latents =
                    new Latents(
                            seeds.length,
                            generator.config().numWs(),
                            generator.config().wDim(),
                            ws);
            return new LabeledLatents(
                    latents,
                    Arrays.stream(seeds)
                            .mapToObj(s -> generator.seedLabel(s, classIndex))
                            .toList());
        }
    }

    /** Latent files, every latent of each in order; a file's noise maps come along. */
    record Files(String key, List<Path> files) implements LatentSource {

        public Files {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException(key + ": give at least one latent file");
            }
        }

        @Override
        public LabeledLatents resolve(ImageGenerator generator, double psi, Integer classIndex) {
            if (classIndex != null) {
                throw new IllegalArgumentException(
                        ClassLabels.KEY
                                + " "
                                + classIndex
                                + " is not used with "
                                + key
                                + ": a latent file's ws already hold their class; leave "
                                + ClassLabels.KEY
                                + " empty");
            }
            List<LabeledLatents> parts = new ArrayList<>();
            for (Path file : files) {
                parts.add(read(file, generator, psi));
            }
            return parts.size() == 1 ? parts.get(0) : LabeledLatents.join(parts, generator);
        }

        private LabeledLatents read(Path file, ImageGenerator generator, double psi) {
            String name = file.getFileName().toString();
            Latents latents;
            try {
                latents = LatentFile.read(file);
            } catch (IOException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
            }
            generator.requireFits(latents, key + " " + name);
            float[] ws = latents.ws().clone();
            generator.truncate(ws, psi);
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < latents.count(); i++) {
                labels.add(name + "[" + i + "]");
            }
            return new LabeledLatents(
                    new Latents(
                            latents.count(), latents.numWs(), latents.wDim(), ws, latents.noise()),
                    labels);
        }
    }
}
