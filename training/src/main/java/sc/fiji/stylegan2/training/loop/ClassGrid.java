package sc.fiji.stylegan2.training.loop;

import java.util.ArrayList;
import java.util.List;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.ClassLabels;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.GeneratedImages;

/**
 * The snapshot grid of a conditional model: image i is seed i of class {@code i mod c_dim}, so
 * every class shows in the grid and each keeps its seeds from snapshot to snapshot (the official
 * grid takes its labels from the data, grouped by class).
 */
final class ClassGrid {

    private ClassGrid() {}

    /** Generates the grid of {@code seeds} (constant noise, raw output range). */
    static GeneratedImages generate(StyleGAN2Model model, long[] seeds) {
        ClassLabels classes = model.classes();
        int n = seeds.length;
        GeneratedImages first = null;
        float[] data = null;
        String[] labels = new String[n];
        for (int k = 0; k < Math.min(classes.count(), n); k++) {
            List<Integer> at = new ArrayList<>();
            for (int i = k; i < n; i += classes.count()) {
                at.add(i);
            }
            long[] classSeeds = at.stream().mapToLong(i -> seeds[i]).toArray();
            GeneratedImages g =
                    model.generate(
                            GenerateRequest.builder(classSeeds)
                                    .optNoiseMode(NoiseMode.CONST)
                                    .optOutputRange(OutputRange.RAW)
                                    .optBatchSize(Math.min(classSeeds.length, 16))
                                    .optClassIndex(k)
                                    .build(),
                            ProgressListener.NONE);
            int per = g.channels() * g.height() * g.width();
            if (data == null) {
                first = g;
                data = new float[n * per];
            }
            for (int j = 0; j < at.size(); j++) {
                System.arraycopy(g.data(), j * per, data, at.get(j) * per, per);
                labels[at.get(j)] = g.labels().get(j);
            }
        }
        return new GeneratedImages(
                data, n, first.channels(), first.height(), first.width(), List.of(labels));
    }
}
