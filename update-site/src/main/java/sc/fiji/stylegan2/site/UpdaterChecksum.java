package sc.fiji.stylegan2.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The checksum by which the ImageJ updater tells whether a file of an update site is the one
 * installed (db.xml.gz's {@code checksum}): imagej-updater {@code UpdaterUtil.getDigest(path,
 * file)} and {@code getJarDigest(file)}, written anew from their description here.
 *
 * <p>A jar's checksum is content-based, so that rebuilding an unchanged jar keeps it: the SHA-1
 * over its entries sorted by name ({@link String#compareTo}), each contributing its name (ASCII)
 * and then its bytes, where
 *
 * <ul>
 *   <li>a {@code .properties} entry contributes its bytes without comment lines ({@link
 *       PropertiesComments});
 *   <li>{@code META-INF/MANIFEST.MF} contributes its name only: the updater keeps only lines that,
 *       upper-cased, start with the mixed-case {@code "Main-Class:"}, which no upper-cased line
 *       does;
 *   <li>directories contribute their names (an empty body).
 * </ul>
 *
 * Any other file's checksum is the SHA-1 over its path in the site (ASCII, e.g. {@code
 * macros/x.ijm}) and then its bytes. The result is lower-case hex (40 digits).
 */
public final class UpdaterChecksum {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private UpdaterChecksum() {}

    /**
     * The checksum of {@code file}, which the site stores at {@code sitePath} ({@code
     * jars/x-1.0.jar}).
     */
    public static String of(String sitePath, Path file) throws IOException {
        if (sitePath.endsWith(".jar")) {
            return ofJar(file);
        }
        MessageDigest sha1 = sha1();
        sha1.update(sitePath.getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = Files.newInputStream(file)) {
            update(sha1, in);
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    /** The content-based checksum of a jar (see the class comment). */
    public static String ofJar(Path jar) throws IOException {
        MessageDigest sha1 = sha1();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
            entries.sort(Comparator.comparing(ZipEntry::getName));
            for (ZipEntry entry : entries) {
                String name = entry.getName();
                sha1.update(name.getBytes(StandardCharsets.US_ASCII));
                if (name.equals(MANIFEST)) {
                    continue; // contributes no bytes (see the class comment)
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    if (name.endsWith(".properties")) {
                        sha1.update(PropertiesComments.strip(in.readAllBytes()));
                    } else {
                        update(sha1, in);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static void update(MessageDigest digest, InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("this JVM has no SHA-1", e));
        }
    }
}
