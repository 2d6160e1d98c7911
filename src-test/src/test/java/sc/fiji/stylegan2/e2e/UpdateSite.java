package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The update site Maven built (update-site/target/site/), its db.xml.gz read back, and its
 * install.sh.
 */
final class UpdateSite {

    /** One {@code <plugin>} of db.xml.gz with its current {@code <version>}. */
    record Entry(
            String filename,
            String checksum,
            long timestamp,
            long filesize,
            List<String> platforms,
            List<String> dependencies) {

        /** Where the site stores this version. */
        Path stored(Path site) {
            return site.resolve(filename + "-" + timestamp);
        }
    }

    private UpdateSite() {}

    static Path dir() {
        Path site = E2E.repoRoot().resolve("update-site/target/site");
        assertTrue(
                Files.isRegularFile(site.resolve("db.xml.gz")),
                site
                        + "/db.xml.gz is missing: run src-test with mvn package or later (the site is built at package)");
        return site;
    }

    static Path installScript() {
        return E2E.repoRoot().resolve("update-site/install.sh");
    }

    /** pom-scijava 45.1.0, Fiji's versions. */
    static Path pomScijava() {
        return Path.of(System.getProperty("pom-scijava.file"));
    }

    /** Parses db.xml.gz with a validating parser (its own DTD). */
    static List<Entry> entries(Path site) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(true);
        var builder = factory.newDocumentBuilder();
        List<String> problems = new ArrayList<>();
        builder.setErrorHandler(
                new org.xml.sax.helpers.DefaultHandler() {
                    @Override
                    public void error(org.xml.sax.SAXParseException e) {
                        problems.add(e.getMessage());
                    }
                });
        org.w3c.dom.Document doc;
        try (InputStream in =
                new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
            doc = builder.parse(in);
        }
        assertTrue(problems.isEmpty(), "db.xml.gz does not follow its DTD: " + problems);
        List<Entry> out = new ArrayList<>();
        NodeList plugins = doc.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            Element v = (Element) p.getElementsByTagName("version").item(0);
            out.add(
                    new Entry(
                            p.getAttribute("filename"),
                            v.getAttribute("checksum"),
                            Long.parseLong(v.getAttribute("timestamp")),
                            Long.parseLong(v.getAttribute("filesize")),
                            texts(p, "platform"),
                            attributes(v, "dependency", "filename")));
        }
        return out;
    }

    /** {@code install.sh ARGS}, its exit code and output. */
    static Processes.Result install(Path folder, String... options)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", installScript().toString()));
        cmd.addAll(List.of(options));
        cmd.add(folder.toString());
        return Processes.run(cmd, folder, Map.of(), 120);
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static List<String> attributes(Element parent, String tag, String attribute) {
        List<String> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return out;
    }
}
