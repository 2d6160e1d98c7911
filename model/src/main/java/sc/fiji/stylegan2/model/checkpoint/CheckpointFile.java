package sc.fiji.stylegan2.model.checkpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import sc.fiji.stylegan2.model.checkpoint.pickle.CountingInputStream;

/**
 * What the checkpoint readers share about the file itself: the checks before reading (exists, is a
 * file, is not empty), a look at its first bytes, opening it, and turning any unexpected exception
 * into a {@link CheckpointFormatException} that names it.
 */
final class CheckpointFile {

    /** The bytes every zip archive (and so every zip {@code torch.save} file) starts with. */
    static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** The opcode that starts every pickle of protocol 2 or later. */
    static final byte PICKLE_PROTO = (byte) 0x80;

    private static final int HEAD_BYTES = 64;

    /** A read that may throw anything; see {@link #guard}. */
    @FunctionalInterface
    interface Read<T> {
        T run() throws IOException;
    }

    private CheckpointFile() {}

    /** The name messages use for the file: its last path element. */
    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /**
     * Checks that the file can be read as a checkpoint at all.
     *
     * @throws CheckpointFormatException if it is missing, a folder, unreadable or empty
     */
    static void requireReadable(Path file) throws CheckpointFormatException {
        if (!Files.exists(file)) {
            throw new CheckpointFormatException(
                    file + " does not exist. Check the path or choose the file again.");
        }
        if (Files.isDirectory(file)) {
            throw new CheckpointFormatException(
                    file
                            + " is a folder, not a checkpoint file. Choose the .pkl or"
                            + " .pt file inside it.");
        }
        if (!Files.isReadable(file)) {
            throw new CheckpointFormatException(file + " cannot be read: permission denied.");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new CheckpointFormatException(file + " cannot be read: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new CheckpointFormatException(
                    name(file)
                            + " is empty (0 bytes), so it is truncated or damaged,"
                            + " not a StyleGAN2 checkpoint. Copy or download it again.");
        }
    }

    /** Up to the first 64 bytes of the file. */
    static byte[] head(Path file) throws CheckpointFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new CheckpointFormatException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether {@code head} starts with {@code prefix}. */
    static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length
                && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Opens the file for one sequential pass, counting bytes. */
    static CountingInputStream open(Path file) throws CheckpointFormatException {
        try {
            long size = Files.size(file);
            return new CountingInputStream(
                    new BufferedInputStream(Files.newInputStream(file), 1 << 16), size);
        } catch (IOException e) {
            throw new CheckpointFormatException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a read, letting {@link CheckpointFormatException}s through and turning any other
     * exception into one that names the file: no {@link ClassCastException} or {@link
     * IndexOutOfBoundsException} escapes.
     */
    static <T> T guard(Path file, Read<T> read) throws CheckpointFormatException {
        try {
            return read.run();
        } catch (CheckpointFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointFormatException(file + " cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The exception's text is for --debug's stack trace; class names mean nothing to users.
            throw new CheckpointFormatException(
                    name(file)
                            + ": damaged or not a StyleGAN2 checkpoint (its"
                            + " contents do not have the expected structure); copy or download it again",
                    e);
        }
    }

    private static boolean isTextChar(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 32 && c < 127);
    }

    /**
     * The error for a file that is no checkpoint this package reads, with a hint from its first
     * bytes.
     */
    static CheckpointFormatException notACheckpoint(Path file, byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String hint = "";
        if (text.startsWith("version https://git-lfs")) {
            hint = " It is a Git LFS pointer, not the file itself: fetch it with 'git lfs pull'.";
        } else if (text.chars().limit(16).allMatch(CheckpointFile::isTextChar)) {
            String start = text.lines().findFirst().orElse("").strip();
            String quoted = start.length() > 40 ? start.substring(0, 40) + "..." : start;
            hint =
                    " It is a text file starting with \""
                            + quoted
                            + "\" (an error page saved in place of the"
                            + " download?).";
        }
        return new CheckpointFormatException(
                name(file)
                        + " is not a StyleGAN2 checkpoint (.pkl from NVlabs"
                        + " stylegan2-ada-pytorch, .pt state dict)."
                        + hint);
    }
}
