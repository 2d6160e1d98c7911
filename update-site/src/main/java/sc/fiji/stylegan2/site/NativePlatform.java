package sc.fiji.stylegan2.site;

import java.util.Arrays;
import java.util.Optional;

/**
 * The platforms DJL publishes libtorch (PyTorch 2.7.1, CPU) for on Maven Central, each with the
 * ImageJ updater's name for it (imagej-updater {@code net.imagej.updater.util.Platforms}: {@code
 * linux64}, {@code linux-arm64}, {@code macos-arm64}, {@code win64}, ...). The updater installs a
 * file that names a platform only on that platform, and Fiji's launcher puts {@code
 * jars/<platform>/*.jar} on the class path, where DJL finds the native jar's {@code
 * native/lib/pytorch.properties} and unpacks libtorch into its cache ({@code ~/.djl.ai/pytorch}).
 * There is no {@code osx-x86_64} build of 2.7.1 (Intel Macs).
 */
public enum NativePlatform {
    LINUX_X86_64("linux-x86_64", "linux64"),
    LINUX_AARCH64("linux-aarch64", "linux-arm64"),
    OSX_AARCH64("osx-aarch64", "macos-arm64"),
    WIN_X86_64("win-x86_64", "win64");

    private final String classifier;
    private final String updaterName;

    NativePlatform(String classifier, String updaterName) {
        this.classifier = classifier;
        this.updaterName = updaterName;
    }

    /** DJL's Maven classifier, e.g. {@code linux-x86_64}. */
    public String classifier() {
        return classifier;
    }

    /**
     * The updater's platform name, e.g. {@code linux64}: the folder under {@code jars/} and
     * db.xml's {@code platform}.
     */
    public String updaterName() {
        return updaterName;
    }

    /** The platform of a native jar's classifier. */
    public static Optional<NativePlatform> ofClassifier(String classifier) {
        return Arrays.stream(values()).filter(p -> p.classifier.equals(classifier)).findFirst();
    }
}
