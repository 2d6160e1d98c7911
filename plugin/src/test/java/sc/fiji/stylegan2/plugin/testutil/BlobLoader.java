package sc.fiji.stylegan2.plugin.testutil;

import java.nio.file.Path;
import org.scijava.plugin.Plugin;
import sc.fiji.stylegan2.plugin.training.TrainingDataLoader;
import sc.fiji.stylegan2.training.bench.BlobData;
import sc.fiji.stylegan2.training.data.TrainingData;

/** A test loader: any file named {@code *.blobs} stands for 12 random blob images. */
@Plugin(type = TrainingDataLoader.class)
public class BlobLoader implements TrainingDataLoader {

    @Override
    public boolean supports(Path images) {
        return images.getFileName().toString().endsWith(".blobs");
    }

    @Override
    public TrainingData load(Path images, int resolution) {
        return new BlobData(12, 1, resolution, 3);
    }
}
