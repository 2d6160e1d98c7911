package sc.fiji.stylegan2.model;

import java.io.IOException;
import java.nio.file.Path;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * A loaded StyleGAN2 model: the generator used for generation ({@code G_ema}), and the training generator
 * and discriminator when the file has them. Opens official NVlabs pickles ({@code .pkl}), official state
 * dicts ({@code .pt}) and this project's own checkpoints ({@code .sg2}). Holds native memory: close it.
 */
public final class StyleGAN2Model implements AutoCloseable {

    private StyleGAN2Model() {}

    /** Opens a model file of any supported kind; errors name the file and what is wrong. */
    public static StyleGAN2Model load(Path file) throws IOException {
        throw new UnsupportedOperationException("model loading lands with the model library");
    }

    public GeneratorConfig config() {
        throw new UnsupportedOperationException();
    }

    public IntensityMapping intensity() {
        throw new UnsupportedOperationException();
    }

    public boolean hasDiscriminator() {
        throw new UnsupportedOperationException();
    }

    /** A multi-line human-readable summary (for Model Info). */
    public String describe() {
        throw new UnsupportedOperationException();
    }

    /** Writes this project's own checkpoint format, atomically (temp file + rename). */
    public void save(Path file) throws IOException {
        throw new UnsupportedOperationException();
    }

    /**
     * Generates one image per seed, in batches. On cancel returns the images finished so far.
     */
    public GeneratedImages generate(GenerateRequest request, ProgressListener progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
