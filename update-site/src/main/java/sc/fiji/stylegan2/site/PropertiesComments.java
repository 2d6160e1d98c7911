package sc.fiji.stylegan2.site;

import java.io.ByteArrayOutputStream;

/**
 * The bytes of a {@code .properties} file as the ImageJ updater checksums them: without its comment
 * lines, which {@code java.util.Properties} fills with the date it was written (Maven's {@code
 * pom.properties}), so that rebuilding a jar does not make it look changed.
 *
 * <p>The updater's rule (imagej-updater {@code net.imagej.updater.util.SkipHashedLines}, a
 * recursive {@code read()}) is reproduced here as a four-state automaton, including its quirks,
 * because a checksum that differs in one byte makes Fiji report every file of the site as modified:
 *
 * <ul>
 *   <li>a line that starts with {@code #} is dropped but its {@code '\n'} is kept;
 *   <li>an empty line resets the "line start" state: a {@code #} right after an empty line is kept;
 *   <li>so is a {@code #} after a comment that was only {@code "#\n"};
 *   <li>{@code '\r'} is an ordinary byte; a {@code #} inside a line is kept.
 * </ul>
 */
final class PropertiesComments {

    private enum State {
        /** At the start of a line: a {@code #} starts a comment. */
        LINE_START,
        /** Inside a line that is kept. */
        IN_LINE,
        /** Right after the {@code #} (or {@code ##...}) that started a comment. */
        COMMENT_START,
        /** Inside a comment, past its first character. */
        COMMENT
    }

    private PropertiesComments() {}

    /** {@code content} without its comment lines, by the updater's rule above. */
    static byte[] strip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
        State state = State.LINE_START;
        for (byte b : content) {
            switch (state) {
                case LINE_START -> {
                    if (b == '#') {
                        state = State.COMMENT_START;
                    } else {
                        out.write(b); // an empty line's '\n' too, which leaves the line-start state
                        state = State.IN_LINE;
                    }
                }
                case IN_LINE -> {
                    out.write(b);
                    if (b == '\n') {
                        state = State.LINE_START;
                    }
                }
                case COMMENT_START -> {
                    if (b == '\n') {
                        out.write(
                                b); // "#\n": the newline is kept and the next line is not at a line
                        // start
                        state = State.IN_LINE;
                    } else if (b != '#') {
                        state = State.COMMENT;
                    }
                }
                case COMMENT -> {
                    if (b == '\n') {
                        out.write(b);
                        state = State.LINE_START;
                    }
                }
            }
        }
        return out.toByteArray();
    }
}
