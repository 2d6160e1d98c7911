package sc.fiji.stylegan2.training.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two files that give training images their classes: a CSV table of {@code file,label} rows,
 * and an IDX label file ({@link IdxFile}, one unsigned byte per image, as MNIST and Fashion-MNIST).
 * Errors are one line naming the file and what is wrong.
 */
public final class ClassLabelFiles {

    private ClassLabelFiles() {}

    /**
     * Reads a CSV table of {@code file,label} rows (comma or semicolon separated, optional double
     * quotes, an optional header {@code file,label}, blank lines and {@code #} comments skipped).
     *
     * @return the label of each file name, in the table's order
     * @throws IllegalArgumentException naming {@code conditions}, the file and the line at fault
     */
    public static Map<String, String> readCsv(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("conditions: " + csv + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "conditions: " + csv + " cannot be read as UTF-8 text: " + e.getMessage());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("[,;]", -1);
            String where = "conditions: " + csv.getFileName() + " line " + (i + 1) + ": ";
            if (cells.length != 2) {
                throw new IllegalArgumentException(
                        where + "expected two columns file,label, got '" + line + "'");
            }
            String file = unquote(cells[0]), label = unquote(cells[1]);
            if (labels.isEmpty()
                    && file.equalsIgnoreCase("file")
                    && label.equalsIgnoreCase("label")) {
                continue; // the header
            }
            if (file.isEmpty() || label.isEmpty()) {
                throw new IllegalArgumentException(where + "empty file or label");
            }
            if (labels.put(file, label) != null) {
                throw new IllegalArgumentException(where + file + " is listed twice");
            }
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("conditions: " + csv + " has no file,label rows");
        }
        return labels;
    }

    /**
     * Reads an IDX label file: one class number per image, in the images' order.
     *
     * @throws IllegalArgumentException naming {@code conditions} and the file
     */
    public static int[] readIdx(Path idx) {
        IdxFile f;
        try {
            f = IdxFile.read(idx);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("conditions: " + idx + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("conditions: " + e.getMessage());
        }
        if (f.dims().length != 1) {
            throw new IllegalArgumentException(
                    "conditions: "
                            + idx.getFileName()
                            + " holds an array of shape "
                            + Arrays.toString(f.dims())
                            + ", not labels [n] (an idx1 file)");
        }
        int[] labels = new int[f.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = f.value(i);
        }
        return labels;
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
