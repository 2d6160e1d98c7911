package sc.fiji.stylegan2.site;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Jars written by the tests, entry by entry in the given order, and SHA-1 over plain byte strings.
 */
final class TestJars {

    private TestJars() {}

    /**
     * A jar holding {@code entries} (name to text; a name ending in '/' is a folder) in their
     * order.
     */
    static Path jar(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** SHA-1 (lower-case hex) over the UTF-8 bytes of the parts, one after another. */
    static String sha1(String... parts) throws NoSuchAlgorithmException {
        MessageDigest d = MessageDigest.getInstance("SHA-1");
        for (String p : parts) {
            d.update(p.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
