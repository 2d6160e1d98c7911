package sc.fiji.stylegan2.site;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * An update site's index, {@code db.xml.gz}: gzipped XML in the schema the ImageJ updater reads
 * (imagej-updater {@code XMLFileReader}; the DTD in {@code XMLFileWriter}):
 *
 * <pre>
 * pluginRecords
 *   plugin filename=PATH            one per file; PATH as installed, e.g. jars/x-1.0.jar
 *     platform                      zero or more: the file is only for these platforms
 *     version checksum timestamp filesize
 *       description?
 *       dependency filename timestamp     zero or more
 *       author                      zero or more
 * </pre>
 *
 * The document carries its DTD (the subset of the updater's that these elements use), so a
 * validating parser can check it. One element per line: {@code install.sh} reads it with awk.
 */
public final class DbXml {

    /** The index's file name in the site. */
    public static final String FILE_NAME = "db.xml.gz";

    private static final String DTD =
            """
            <!DOCTYPE pluginRecords [
            <!ELEMENT pluginRecords (plugin*)>
            <!ELEMENT plugin (platform*, version?)>
            <!ELEMENT platform (#PCDATA)>
            <!ELEMENT version (description?, dependency*, author*)>
            <!ELEMENT description (#PCDATA)>
            <!ELEMENT dependency EMPTY>
            <!ELEMENT author (#PCDATA)>
            <!ATTLIST plugin filename CDATA #REQUIRED>
            <!ATTLIST version checksum CDATA #REQUIRED>
            <!ATTLIST version timestamp CDATA #REQUIRED>
            <!ATTLIST version filesize CDATA #REQUIRED>
            <!ATTLIST dependency filename CDATA #REQUIRED>
            <!ATTLIST dependency timestamp CDATA #IMPLIED>
            ]>
            """;

    private DbXml() {}

    /** Writes {@code files} as {@code dir/db.xml.gz}. */
    public static Path write(List<SiteFile> files, Path dir) throws IOException {
        Path index = dir.resolve(FILE_NAME);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(index))) {
            write(files, out);
        }
        return index;
    }

    /** Writes {@code files} as uncompressed XML. */
    static void write(List<SiteFile> files, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write(DTD);
        w.write("<pluginRecords>\n");
        for (SiteFile f : files) {
            w.write("    <plugin filename=\"" + escape(f.path()) + "\">\n");
            for (String platform : f.platforms()) {
                w.write("        <platform>" + escape(platform) + "</platform>\n");
            }
            w.write(
                    "        <version checksum=\""
                            + f.checksum()
                            + "\" timestamp=\""
                            + f.timestamp()
                            + "\" filesize=\""
                            + f.filesize()
                            + "\">\n");
            if (!f.description().isEmpty()) {
                w.write("            <description>" + escape(f.description()) + "</description>\n");
            }
            for (String dependency : f.dependencies()) {
                long timestamp =
                        files.stream()
                                .filter(d -> d.path().equals(dependency))
                                .findFirst()
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        f.path()
                                                                + " depends on "
                                                                + dependency
                                                                + ", which the site does not hold"))
                                .timestamp();
                w.write(
                        "            <dependency filename=\""
                                + escape(dependency)
                                + "\" timestamp=\""
                                + timestamp
                                + "\"/>\n");
            }
            for (String author : f.authors()) {
                w.write("            <author>" + escape(author) + "</author>\n");
            }
            w.write("        </version>\n");
            w.write("    </plugin>\n");
        }
        w.write("</pluginRecords>\n");
        w.flush();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
