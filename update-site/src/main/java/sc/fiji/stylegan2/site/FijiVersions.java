package sc.fiji.stylegan2.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The versions Fiji ships, read from the pom-scijava release that current Fiji is built from: its
 * {@code <dependencyManagement>} ({@code groupId:artifactId} to version, with {@code ${property}}
 * references resolved from its {@code <properties>}).
 *
 * <p>The site treats every artifact pom-scijava manages as Fiji's: it ships none of them (a second
 * version beside Fiji's makes the updater report "Multiple versions" and puts both on the class
 * path), and the build must use exactly the managed version, so that we test what runs in Fiji.
 * pom-scijava manages more than Fiji installs, but every such artifact this plugin needs (jna,
 * gson, commons-compress/io/codec, error_prone_annotations, slf4j-api, scijava-common, parsington,
 * imglib2, ij) is in Fiji.app/jars.
 */
public final class FijiVersions {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final String source;
    private final Map<String, String> managed;

    private FijiVersions(String source, Map<String, String> managed) {
        this.source = source;
        this.managed = Map.copyOf(managed);
    }

    /** Reads a pom-scijava pom file. */
    public static FijiVersions read(Path pom) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(pom + " is not a readable pom: " + e.getMessage(), e);
        }
        Element project = doc.getDocumentElement();
        Map<String, String> properties = new HashMap<>();
        Element props = child(project, "properties");
        if (props != null) {
            for (Node n = props.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        properties.put("project.version", text(project, "version"));
        Map<String, String> managed = new HashMap<>();
        Element dm = child(project, "dependencyManagement");
        NodeList deps =
                dm == null ? null : child(dm, "dependencies").getElementsByTagName("dependency");
        for (int i = 0; deps != null && i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            String version = resolve(text(d, "version"), properties, 0);
            managed.put(
                    resolve(text(d, "groupId"), properties, 0)
                            + ":"
                            + resolve(text(d, "artifactId"), properties, 0),
                    version);
        }
        return new FijiVersions(
                text(project, "artifactId") + " " + text(project, "version"), managed);
    }

    /** The version Fiji ships of {@code groupId:artifactId}, if pom-scijava manages it. */
    public Optional<String> version(String key) {
        return Optional.ofNullable(managed.get(key));
    }

    /** Every {@code groupId:artifactId} pom-scijava manages. */
    public Set<String> keys() {
        return managed.keySet();
    }

    /** {@code pom-scijava 45.1.0}: where these versions come from. */
    public String source() {
        return source;
    }

    private static String resolve(String value, Map<String, String> properties, int depth) {
        if (value == null || depth > 10) {
            return value;
        }
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = properties.get(m.group(1));
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            v == null ? m.group() : resolve(v, properties, depth + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? null : e.getTextContent().strip();
    }
}
