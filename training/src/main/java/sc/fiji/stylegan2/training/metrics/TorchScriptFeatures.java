package sc.fiji.stylegan2.training.metrics;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Features from a TorchScript network the user gives ({@code torch.jit.save}), e.g. the
 * Inception-v3 of the official FID ({@code inception-2015-12-05.pt} of NVlabs' metrics), loaded and
 * run through DJL's PyTorch engine. As the official {@code metric_utils}: gray images are repeated
 * to the network's channel count, and images are given as 0..255 ({@code x · 127.5 + 128}, clamped)
 * when {@link Options#uint8Range()} is set; with {@link Options#returnFeatures()} the call is
 * {@code forward(images, True)}, the official detector's {@code return_features=True}.
 *
 * @see FashionFeatures for the built-in offline extractor
 */
public final class TorchScriptFeatures implements FeatureExtractor {

    /**
     * How the network is called.
     *
     * @param channels channels the network expects (3 for Inception); gray input is repeated, other
     *     counts averaged to gray first
     * @param uint8Range give images as 0..255 (official detector) instead of [-1, 1]
     * @param returnFeatures pass {@code True} as the second argument of {@code forward}
     * @param batchSize images per call
     */
    public record Options(int channels, boolean uint8Range, boolean returnFeatures, int batchSize) {

        /** The official NVlabs FID Inception detector's convention. */
        public static final Options NVLABS_INCEPTION = new Options(3, true, true, 32);

        /** A network that maps [-1, 1] images with their own channels straight to features. */
        public static final Options PLAIN = new Options(0, false, false, 32);
    }

    private final PtNDManager manager;
    private final PtSymbolBlock block;
    private final Options options;
    private final int dimension;

    private TorchScriptFeatures(
            PtNDManager manager, PtSymbolBlock block, Options options, int dimension) {
        this.manager = manager;
        this.block = block;
        this.options = options;
        this.dimension = dimension;
    }

    /**
     * Loads a TorchScript file and measures its feature length on one blank image of {@code
     * probeResolution}.
     *
     * @throws IOException naming the file when it is missing, not TorchScript, or does not produce
     *     a {@code [N, d]} tensor
     */
    public static TorchScriptFeatures load(Path file, Options options, int probeResolution)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(
                    "TorchScript feature network " + file + " does not exist");
        }
        PtNDManager manager = (PtNDManager) NDManager.newBaseManager("PyTorch");
        try {
            PtSymbolBlock block;
            try {
                block =
                        JniUtils.loadModule(
                                manager, file, false, new String[0], new String[0], false);
            } catch (EngineException | IllegalArgumentException e) {
                throw new IOException(
                        file.getFileName()
                                + " is not a TorchScript archive (torch.jit.save): "
                                + firstLine(e.getMessage()),
                        e);
            }
            JniUtils.enableInferenceMode(block);
            int c = options.channels() > 0 ? options.channels() : 1;
            TorchScriptFeatures probe = new TorchScriptFeatures(manager, block, options, -1);
            float[] blank = new float[c * probeResolution * probeResolution];
            int dim;
            try {
                dim = probe.call(blank, 1, c, probeResolution).length;
            } catch (EngineException | IllegalStateException e) {
                throw new IOException(
                        file.getFileName()
                                + " loaded but failed on a blank "
                                + c
                                + " x "
                                + probeResolution
                                + " px image: "
                                + firstLine(e.getMessage()),
                        e);
            }
            return new TorchScriptFeatures(manager, block, options, dim);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] features(float[] images, int count, int channels, int resolution) {
        int per = channels * resolution * resolution;
        float[] out = new float[count * dimension];
        for (int start = 0; start < count; start += options.batchSize()) {
            int b = Math.min(options.batchSize(), count - start);
            float[] f =
                    call(
                            Arrays.copyOfRange(images, start * per, (start + b) * per),
                            b,
                            channels,
                            resolution);
            if (f.length != b * dimension) {
                throw new IllegalStateException(
                        "the TorchScript network gives "
                                + f.length / b
                                + " features for "
                                + channels
                                + "-channel "
                                + resolution
                                + " px images but "
                                + dimension
                                + " for its probe image; set Options.channels to the count it expects");
            }
            System.arraycopy(f, 0, out, start * dimension, f.length);
        }
        return out;
    }

    /** One forward call; returns {@code b · d} values. */
    private float[] call(float[] batch, int b, int channels, int resolution) {
        try (NDScope scope = new NDScope()) {
            NDArray x = manager.create(batch, new Shape(b, channels, resolution, resolution));
            int want = options.channels();
            if (want > 0 && channels != want) {
                NDArray gray = channels == 1 ? x : x.mean(new int[] {1}, true);
                x = gray.repeat(1, want); // official: images.repeat([1, 3, 1, 1]) for gray
            }
            if (options.uint8Range()) {
                // official: (x·127.5 + 128).clamp(0, 255).to(torch.uint8)
                x = x.mul(127.5f).add(128f).clip(0, 255).toType(DataType.UINT8, false);
            }
            IValue in = IValue.from((PtNDArray) x);
            IValue out =
                    options.returnFeatures()
                            ? block.forward(in, IValue.from(true))
                            : block.forward(in);
            NDArray f = out.toTensor(manager);
            in.close();
            out.close();
            if (f.getShape().dimension() < 1 || f.getShape().get(0) != b) {
                throw new IllegalStateException(
                        "the TorchScript network returned "
                                + f.getShape()
                                + "; expected ["
                                + b
                                + ", d] features");
            }
            return f.reshape(b, -1).toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    @Override
    public void close() {
        block.close();
        manager.close();
    }
}
