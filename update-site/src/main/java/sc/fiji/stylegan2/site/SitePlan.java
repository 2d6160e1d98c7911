package sc.fiji.stylegan2.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which of the plugin's runtime dependencies go into the update site and where: the plugin jar into
 * {@code plugins/} (ImageJ reads its {@code plugins.config} only there, and only from a name with
 * an underscore), libtorch's native jars into {@code jars/<platform>/}, everything else into {@code
 * jars/} under its Maven file name (so that the updater's "Multiple versions" check sees another
 * site's copy of the same library). What Fiji ships ({@link FijiVersions}) stays out and is listed
 * as {@link #fijiJars()}.
 */
public final class SitePlan {

    /** Our own artifacts' group. */
    static final String GROUP = "sc.fiji.stylegan2";

    static final String PLUGIN_ARTIFACT = "stylegan2-plugin";

    /** The plugin jar's name in Fiji, as plugin/pom.xml's finalName. */
    static final String PLUGIN_FILE = "StyleGAN2_Fiji";

    static final String NATIVE_ARTIFACT = "pytorch-native-cpu";

    private static final Pattern POM_DESCRIPTION =
            Pattern.compile("<description>\\s*(.*?)\\s*</description>", Pattern.DOTALL);

    private final List<SiteFile> siteFiles;
    private final List<MavenArtifact> fijiJars;

    private SitePlan(List<SiteFile> siteFiles, List<MavenArtifact> fijiJars) {
        this.siteFiles = siteFiles;
        this.fijiJars = fijiJars;
    }

    /**
     * Plans the site for {@code artifacts} (the plugin's runtime dependencies and the plugin
     * itself).
     *
     * @throws IllegalStateException where we build against another version of a jar than Fiji
     *     ships, or an artifact is a folder (the reactor had not packaged it)
     */
    public static SitePlan of(List<MavenArtifact> artifacts, FijiVersions fiji, String author)
            throws IOException {
        List<String> mismatches = new ArrayList<>();
        List<MavenArtifact> ours = new ArrayList<>();
        List<MavenArtifact> fijiJars = new ArrayList<>();
        for (MavenArtifact a : artifacts) {
            if (!a.type().equals("jar")
                    || !(a.scope().equals("compile") || a.scope().equals("runtime"))) {
                continue;
            }
            if (!Files.isRegularFile(a.file())) {
                throw new IllegalStateException(
                        a.key()
                                + " resolved to "
                                + a.file()
                                + ", not a jar: build the "
                                + "update site with `mvn package` (or later phases) in the reactor");
            }
            Optional<String> fijiVersion = fiji.version(a.key());
            if (fijiVersion.isEmpty()) {
                ours.add(a);
            } else if (fijiVersion.get().equals(a.version())) {
                fijiJars.add(a);
            } else {
                mismatches.add(a.key() + " " + a.version() + " (Fiji: " + fijiVersion.get() + ")");
            }
        }
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException(
                    "built against other versions than Fiji ships ("
                            + fiji.source()
                            + "); pin Fiji's in the parent pom: "
                            + String.join(", ", mismatches));
        }
        List<String> libraries =
                ours.stream()
                        .filter(a -> !isPlugin(a) && nativePlatform(a).isEmpty())
                        .map(SitePlan::sitePath)
                        .sorted()
                        .toList();
        List<SiteFile> files = new ArrayList<>();
        for (MavenArtifact a : ours) {
            Optional<NativePlatform> platform = nativePlatform(a);
            files.add(
                    SiteFile.of(
                            sitePath(a),
                            a.file(),
                            platform.map(p -> List.of(p.updaterName())).orElse(List.of()),
                            description(a, platform),
                            a.groupId().equals(GROUP) ? List.of(author) : List.of(),
                            isPlugin(a) ? libraries : List.of()));
        }
        files.sort(Comparator.comparing(SiteFile::path));
        fijiJars.sort(Comparator.comparing(MavenArtifact::fileName));
        return new SitePlan(List.copyOf(files), List.copyOf(fijiJars));
    }

    /** The site's files, by path. */
    public List<SiteFile> siteFiles() {
        return siteFiles;
    }

    /** What the plugin needs from Fiji (at Fiji's versions), by file name; not in the site. */
    public List<MavenArtifact> fijiJars() {
        return fijiJars;
    }

    /** Where {@code a} goes in Fiji.app. */
    static String sitePath(MavenArtifact a) {
        if (isPlugin(a)) {
            return "plugins/" + PLUGIN_FILE + "-" + a.version() + ".jar";
        }
        return nativePlatform(a)
                .map(p -> "jars/" + p.updaterName() + "/" + a.fileName())
                .orElse("jars/" + a.fileName());
    }

    private static boolean isPlugin(MavenArtifact a) {
        return a.groupId().equals(GROUP) && a.artifactId().equals(PLUGIN_ARTIFACT);
    }

    private static Optional<NativePlatform> nativePlatform(MavenArtifact a) {
        return a.artifactId().equals(NATIVE_ARTIFACT)
                ? NativePlatform.ofClassifier(a.classifier())
                : Optional.empty();
    }

    /** The pom's description inside the jar (META-INF/maven/g/a/pom.xml), else what the file is. */
    private static String description(MavenArtifact a, Optional<NativePlatform> platform)
            throws IOException {
        if (platform.isPresent()) {
            return "libtorch "
                    + a.version()
                    + " (CPU) for "
                    + platform.get().updaterName()
                    + ", from DJL's "
                    + a.groupId()
                    + ":"
                    + a.artifactId()
                    + ":"
                    + a.classifier();
        }
        String coordinates = a.groupId() + ":" + a.artifactId() + ":" + a.version();
        try (ZipFile zip = new ZipFile(a.file().toFile())) {
            ZipEntry pom =
                    zip.getEntry(
                            "META-INF/maven/" + a.groupId() + "/" + a.artifactId() + "/pom.xml");
            if (pom != null) {
                try (InputStream in = zip.getInputStream(pom)) {
                    Matcher m =
                            POM_DESCRIPTION.matcher(
                                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    if (m.find()) {
                        return m.group(1).replaceAll("\\s+", " ") + " (" + coordinates + ")";
                    }
                }
            }
        }
        return coordinates;
    }
}
