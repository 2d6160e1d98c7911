package sc.fiji.stylegan2.plugin.host;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What Install GPU Support fetches: DJL's libtorch {@value #VERSION} build of flavor {@value
 * #FLAVOR} (CUDA 12.8) for this platform, and the folder DJL puts it in ({@code
 * <cache>/pytorch/<version>-<flavor>-<classifier>}, as {@code ai.djl.pytorch.jni.LibUtils} 0.35.1
 * names it). DJL publishes CUDA builds for Linux and Windows on x86-64 only.
 */
public final class GpuSupport {

    /** The libtorch version DJL 0.35.1 uses (the CPU build the plugin ships is the same). */
    public static final String VERSION = "2.7.1";

    /** DJL's flavor name of the CUDA 12.8 build. */
    public static final String FLAVOR = "cu128";

    /**
     * The approximate download, an estimate: the size of PyTorch's own libtorch 2.7.1 cu128 archive
     * for linux-x86_64 (DJL fetches the same libraries gzipped file by file); not measured here.
     */
    public static final String APPROXIMATE_SIZE = "about 3 GB";

    private GpuSupport() {}

    /**
     * The plan for one platform.
     *
     * @param classifier DJL's platform classifier, such as {@code linux-x86_64}
     * @param cudaBuild whether DJL publishes a CUDA build for it
     * @param folder where DJL puts the build
     * @param text the plan as shown to the user
     */
    public record Plan(String classifier, boolean cudaBuild, Path folder, String text) {}

    /**
     * DJL's classifier of a platform ({@code linux}, {@code win} or {@code osx}, then {@code
     * x86_64} or {@code aarch64}) from Java's {@code os.name} and {@code os.arch}.
     */
    public static String classifier(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system =
                os.startsWith("win") ? "win" : os.startsWith("mac") ? "osx" : os.replace(' ', '_');
        String arch =
                switch (osArch) {
                    case "amd64", "x86_64" -> "x86_64";
                    case "aarch64", "arm64" -> "aarch64";
                    default -> osArch;
                };
        return system + "-" + arch;
    }

    /** This JVM's classifier. */
    public static String currentClassifier() {
        return classifier(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /**
     * The plan for {@code classifier}, with DJL's PyTorch cache folder {@code pytorchCache} (DJL's
     * {@code Utils.getEngineCacheDir("pytorch")}, by default {@code ~/.djl.ai/pytorch}).
     */
    public static Plan plan(String classifier, Path pytorchCache) {
        boolean cuda = classifier.equals("linux-x86_64") || classifier.equals("win-x86_64");
        Path folder = pytorchCache.resolve(VERSION + "-" + FLAVOR + "-" + classifier);
        String text =
                cuda
                        ? String.join(
                                "\n",
                                "Install GPU Support will let DJL download libtorch "
                                        + VERSION
                                        + " for CUDA 12.8 (flavor "
                                        + FLAVOR
                                        + ") for "
                                        + classifier
                                        + ",",
                                APPROXIMATE_SIZE
                                        + " (an estimate: PyTorch's own libtorch "
                                        + VERSION
                                        + " "
                                        + FLAVOR
                                        + " archive for linux-x86_64),",
                                "from https://publish.djl.ai/pytorch/" + VERSION + "/, into",
                                folder.toString(),
                                "and record it in " + GpuSettings.defaultFile() + ".",
                                "It needs an NVIDIA driver for CUDA 12.8; then device=auto picks"
                                        + " the GPU.")
                        : "There is no CUDA build of libtorch for this platform ("
                                + classifier
                                + "): DJL publishes "
                                + FLAVOR
                                + " builds for linux-x86_64 and win-x86_64 only. The plugin"
                                + " runs on the CPU here.";
        return new Plan(classifier, cuda, folder, text);
    }
}
