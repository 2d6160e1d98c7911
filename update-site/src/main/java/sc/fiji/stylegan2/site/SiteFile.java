package sc.fiji.stylegan2.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One file of the update site, as db.xml.gz lists it ({@code <plugin filename=...>} with its
 * current {@code <version>}) and as the site stores it: at {@code path + "-" + timestamp}.
 *
 * @param path where the file goes in Fiji.app, e.g. {@code
 *     jars/linux64/pytorch-native-cpu-2.7.1-linux-x86_64.jar}
 * @param source the file to publish
 * @param timestamp {@code yyyyMMddHHmmss} (UTC) of the version: the source's modification time
 * @param checksum {@link UpdaterChecksum#of}
 * @param filesize bytes
 * @param platforms updater platform names the file is for; empty for all
 * @param description shown by the updater; may be empty
 * @param authors shown by the updater
 * @param dependencies paths of the site's files this one needs
 */
public record SiteFile(
        String path,
        Path source,
        long timestamp,
        String checksum,
        long filesize,
        List<String> platforms,
        String description,
        List<String> authors,
        List<String> dependencies) {

    /** How the updater writes timestamps: 14 digits, year to second. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** A file of the site: timestamp, checksum and size from {@code source}. */
    public static SiteFile of(
            String path,
            Path source,
            List<String> platforms,
            String description,
            List<String> authors,
            List<String> dependencies)
            throws IOException {
        Instant modified = Files.getLastModifiedTime(source).toInstant();
        return new SiteFile(
                path,
                source,
                Long.parseLong(TIMESTAMP.format(modified)),
                UpdaterChecksum.of(path, source),
                Files.size(source),
                List.copyOf(platforms),
                description,
                List.copyOf(authors),
                List.copyOf(dependencies));
    }

    /** Where the site stores this version: {@code path-timestamp}, as the updater downloads it. */
    public String storedName() {
        return path + "-" + timestamp;
    }
}
