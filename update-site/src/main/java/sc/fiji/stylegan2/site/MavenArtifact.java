package sc.fiji.stylegan2.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One resolved dependency as {@code mvn dependency:list -DoutputAbsoluteArtifactFilename=true}
 * writes it: {@code groupId:artifactId:type[:classifier]:version:scope:/path/to/file} (optionally
 * followed by {@code " -- module name"}).
 *
 * @param classifier empty when the artifact has none
 */
public record MavenArtifact(
        String groupId,
        String artifactId,
        String type,
        String classifier,
        String version,
        String scope,
        Path file) {

    private static final Pattern LINE =
            Pattern.compile(
                    "([^:\\s]+):([^:\\s]+):([^:\\s]+):(?:([^:\\s]+):)?([^:\\s]+):(compile|runtime|provided|system|test):(.+)");

    /** {@code groupId:artifactId}: what pom-scijava's dependency management is keyed by. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    /** The file name Maven gives it: {@code artifactId-version[-classifier].type}. */
    public String fileName() {
        return artifactId
                + "-"
                + version
                + (classifier.isEmpty() ? "" : "-" + classifier)
                + "."
                + type;
    }

    /** The artifacts listed in a {@code dependency:list} output file; other lines are skipped. */
    public static List<MavenArtifact> readList(Path listFile) throws IOException {
        List<MavenArtifact> out = new ArrayList<>();
        for (String line : Files.readAllLines(listFile)) {
            parse(line.strip()).ifPresent(out::add);
        }
        return out;
    }

    /** One line of a {@code dependency:list} output, if it names an artifact. */
    static Optional<MavenArtifact> parse(String line) {
        int module = line.indexOf(" -- ");
        Matcher m = LINE.matcher(module < 0 ? line : line.substring(0, module));
        if (!m.matches()) {
            return Optional.empty();
        }
        String classifier = m.group(4) == null ? "" : m.group(4);
        return Optional.of(
                new MavenArtifact(
                        m.group(1),
                        m.group(2),
                        m.group(3),
                        classifier,
                        m.group(5),
                        m.group(6),
                        Path.of(m.group(7).strip())));
    }
}
