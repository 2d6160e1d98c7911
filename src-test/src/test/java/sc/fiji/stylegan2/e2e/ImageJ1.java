package sc.fiji.stylegan2.e2e;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A plain ImageJ 1.54 installation laid out like Fiji.app, as a user would install the plugin: the
 * plugin jar in {@code plugins/} (its name has an underscore, so ImageJ reads its plugins.config)
 * and the dependencies in {@code jars/}; ImageJ itself ({@code ij.jar}) on the class path. Runs it
 * under Xvfb.
 */
final class ImageJ1 {

    private ImageJ1() {}

    /** Lays out the installation in a fresh folder. */
    static Path install(String name) throws IOException {
        Path home = E2E.workDir(name);
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        Path jar = E2E.pluginJar();
        Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> deps = Files.list(E2E.pluginDependencies())) {
            for (Path dep : (Iterable<Path>) deps::iterator) {
                String n = dep.getFileName().toString();
                if (n.endsWith(".jar")
                        && !n.startsWith("ij-")) { // ImageJ itself is on the class path
                    Files.copy(dep, jars.resolve(n), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return home;
    }

    /** {@code ij.jar}: where the ImageJ classes on this test's class path come from. */
    static Path ijJar() {
        try {
            return Path.of(
                    ij.ImageJ.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code xvfb-run -a -s "-screen 0 WxHx24" java -Dplugins.dir=HOME ... ARGS}. */
    static Processes.Result runUnderXvfb(
            Path home, String classPath, List<String> javaArgs, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                "xvfb-run",
                                "-a",
                                "-s",
                                "-screen 0 1024x768x24",
                                javaBin(),
                                "-Dplugins.dir=" + home,
                                "-Dai.djl.offline=true",
                                "-Xss4m",
                                "-cp",
                                classPath));
        cmd.addAll(javaArgs);
        return Processes.run(
                cmd, home, Map.of("OMP_NUM_THREADS", E2E.ompThreads()), timeoutSeconds);
    }

    /** Runs a macro file with {@code -batch} (ImageJ without its main window) under Xvfb. */
    static Processes.Result batchMacro(Path home, Path macro, String argument)
            throws IOException, InterruptedException {
        return runUnderXvfb(
                home,
                ijJar().toString(),
                List.of("ij.ImageJ", "-batch", macro.toString(), argument),
                180);
    }

    /** A macro from the test resources, copied next to the installation. */
    static Path macro(Path home, String name) throws IOException {
        try (var in = ImageJ1.class.getResourceAsStream("/macros/" + name)) {
            Path file = home.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
