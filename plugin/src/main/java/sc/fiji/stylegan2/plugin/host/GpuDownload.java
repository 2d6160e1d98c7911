package sc.fiji.stylegan2.plugin.host;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Lets DJL download the GPU libtorch, in a child JVM: one with {@code ai.djl.offline=false}, {@code
 * PYTORCH_FLAVOR} and {@code PYTORCH_VERSION} set, and no {@code pytorch-native-*} jar on its class
 * path (DJL 0.35.1 prefers a native jar on the class path to downloading a flavor). Loading the
 * engine there fetches libtorch and DJL's JNI library into DJL's cache; DJL downloads into a
 * temporary folder and moves it into place only when complete, deleting it on failure. The parent
 * JVM, whose engine may already be loaded with the CPU build, is untouched.
 */
public final class GpuDownload {

    /** What the child prints before the library folder on success. */
    static final String FOLDER_PREFIX = "libtorch: ";

    private GpuDownload() {}

    /**
     * Runs the download in a child JVM, DJL's cache under {@code cacheRoot} when not null.
     *
     * @return the folder of the downloaded build
     * @throws IOException with one line saying what failed
     */
    public static Path run(Path cacheRoot, long timeoutSeconds) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dai.djl.offline=false");
        if (cacheRoot != null) {
            cmd.add("-DDJL_CACHE_DIR=" + cacheRoot);
            cmd.add("-DENGINE_CACHE_DIR=" + cacheRoot);
        }
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(GpuDownload.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove(GpuSettings.LIBRARY_PATH);
        env.remove("DJL_OFFLINE");
        env.remove("DJL_CACHE_DIR");
        env.remove("ENGINE_CACHE_DIR");
        env.put(GpuSettings.FLAVOR, GpuSupport.FLAVOR);
        env.put(GpuSettings.VERSION, GpuSupport.VERSION);
        File log = File.createTempFile("stylegan2-gpu", ".log");
        try {
            pb.redirectOutput(log);
            Process p = pb.start();
            boolean done;
            try {
                done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("GPU libtorch download interrupted");
            }
            if (!done) {
                p.destroyForcibly();
                throw new IOException(
                        "GPU libtorch download did not finish within " + timeoutSeconds + " s");
            }
            List<String> lines =
                    java.nio.file.Files.readAllLines(log.toPath(), StandardCharsets.UTF_8);
            String last = lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
            if (p.exitValue() != 0 || !last.startsWith(FOLDER_PREFIX)) {
                throw new IOException(last);
            }
            return Path.of(last.substring(FOLDER_PREFIX.length()));
        } finally {
            log.delete();
        }
    }

    /** This JVM's class path and the jars of the classes the child needs, less native jars. */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] {GpuDownload.class, Engine.class, LibUtils.class}) {
            try {
                entries.add(
                        Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                                .toString());
            } catch (URISyntaxException | NullPointerException e) {
                // not from a file: the class path below must hold it
            }
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(e);
            }
        }
        entries.removeIf(e -> Path.of(e).getFileName().toString().startsWith("pytorch-native-"));
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The child: loads DJL's PyTorch engine (which downloads the flavor it is told) and prints the
     * library folder, or one line saying what failed and exits with 1.
     */
    public static void main(String[] args) {
        try {
            Engine.getEngine("PyTorch");
            String folder = LibUtils.getLibtorchPath();
            if (!Path.of(folder).getFileName().toString().contains("-" + GpuSupport.FLAVOR + "-")) {
                System.out.println(
                        "DJL loaded " + folder + ", not a " + GpuSupport.FLAVOR + " build");
                System.exit(1);
            }
            System.out.println(FOLDER_PREFIX + folder);
            System.exit(0);
        } catch (Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.out.println(
                    "Could not download libtorch "
                            + GpuSupport.VERSION
                            + " "
                            + GpuSupport.FLAVOR
                            + " from publish.djl.ai: "
                            + t.getMessage()
                            + (root == t ? "" : " (" + root + ")"));
            System.exit(1);
        }
    }
}
