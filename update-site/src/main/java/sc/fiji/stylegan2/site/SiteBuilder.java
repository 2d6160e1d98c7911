package sc.fiji.stylegan2.site;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes the update site: {@code SITE/db.xml.gz} and every file at {@code SITE/<path>-<timestamp>},
 * as the updater downloads them; and {@code FIJI_JARS/jars/}, the jars the site relies on Fiji for
 * (at Fiji's versions), which {@code install.sh} adds to a plain ImageJ. Prints the download size
 * per platform.
 *
 * <p>Run by Maven at {@code package} (update-site/pom.xml): {@code SiteBuilder DEPENDENCY_LIST SITE
 * FIJI_JARS AUTHOR}, where DEPENDENCY_LIST is {@code dependency:list}'s output with absolute file
 * names and includes {@code org.scijava:pom-scijava}.
 */
public final class SiteBuilder {

    private SiteBuilder() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: SiteBuilder DEPENDENCY_LIST SITE FIJI_JARS AUTHOR");
        }
        List<MavenArtifact> artifacts = MavenArtifact.readList(Path.of(args[0]));
        MavenArtifact pomScijava =
                artifacts.stream()
                        .filter(
                                a ->
                                        a.key().equals("org.scijava:pom-scijava")
                                                && a.type().equals("pom"))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                args[0] + " lists no org.scijava:pom-scijava pom"));
        SitePlan plan = SitePlan.of(artifacts, FijiVersions.read(pomScijava.file()), args[3]);
        Path site = Path.of(args[1]);
        write(plan, site, Path.of(args[2]));
        String sizes = sizes(plan.siteFiles());
        Files.writeString(site.resolveSibling("site-sizes.txt"), sizes);
        System.out.println(
                "Update site: " + site + " (" + plan.siteFiles().size() + " files)\n" + sizes);
    }

    /** Writes the site and the Fiji jars into fresh folders. */
    static void write(SitePlan plan, Path site, Path fijiJars) throws IOException {
        recreate(site);
        for (SiteFile f : plan.siteFiles()) {
            Path stored = site.resolve(f.storedName());
            Files.createDirectories(stored.getParent());
            linkOrCopy(f.source(), stored);
        }
        DbXml.write(plan.siteFiles(), site);
        recreate(fijiJars);
        Path jars = Files.createDirectories(fijiJars.resolve("jars"));
        for (MavenArtifact a : plan.fijiJars()) {
            linkOrCopy(a.file(), jars.resolve(a.fileName()));
        }
    }

    /**
     * What a Fiji user downloads per platform: the files for all platforms plus that platform's
     * natives. One line per platform, {@code name MiB}.
     */
    static String sizes(List<SiteFile> files) {
        long common =
                files.stream()
                        .filter(f -> f.platforms().isEmpty())
                        .mapToLong(SiteFile::filesize)
                        .sum();
        StringBuilder out = new StringBuilder();
        for (NativePlatform p : NativePlatform.values()) {
            long natives =
                    files.stream()
                            .filter(f -> f.platforms().contains(p.updaterName()))
                            .mapToLong(SiteFile::filesize)
                            .sum();
            out.append(
                    String.format(
                            Locale.ROOT,
                            "%s %.1f MiB%n",
                            p.updaterName(),
                            (common + natives) / 1048576.0));
        }
        long total = files.stream().mapToLong(SiteFile::filesize).sum();
        out.append(String.format(Locale.ROOT, "whole-site %.1f MiB%n", total / 1048576.0));
        return out.toString();
    }

    /** A hard link where the file system allows (the natives are ~100 MiB each), else a copy. */
    private static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (FileSystemException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            List<Path> paths = new ArrayList<>();
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(paths::add);
            }
            for (Path p : paths) {
                Files.delete(p);
            }
        }
        Files.createDirectories(dir);
    }
}
