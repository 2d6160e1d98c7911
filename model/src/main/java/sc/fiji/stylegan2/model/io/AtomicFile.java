package sc.fiji.stylegan2.model.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file all or nothing: the content goes to a hidden temporary file in the same folder
 * ({@code .name.<pid>.<n>.part}), is forced to disk, and is then renamed over the target in one
 * step. When anything fails (no space left on device, an interrupt), the temporary file is deleted,
 * the previous file under the name (if any) is byte for byte what it was, and the {@link
 * IOException} says so in terms of the target: {@code out.tif: could not be written (no space left
 * on device); the previous file is unchanged}. The temporary name never appears in a message.
 *
 * <p>The new file gets the usual permissions of the folder's new files (the umask's), unlike {@link
 * Files#createTempFile}'s owner-only ones.
 */
public final class AtomicFile {

    /** What to write. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFile() {}

    /**
     * Writes {@code file} with {@code content}, replacing it if it exists. The folder must exist.
     *
     * @throws IOException naming {@code file}, the reason and that the previous file is unchanged
     *     (or that no file was written)
     */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp =
                target.resolveSibling(
                        "."
                                + target.getFileName()
                                + "."
                                + ProcessHandle.current().pid()
                                + "."
                                + COUNTER.incrementAndGet()
                                + ".part");
        boolean existed = Files.exists(target);
        try {
            try (FileChannel channel =
                            FileChannel.open(
                                    temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out =
                            new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(
                        true); // on disk before the rename, so a crash cannot leave an empty file
                // behind
            }
            move(temp, target);
        } catch (IOException e) {
            throw failure(file, e, existed, temp);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the failure being reported matters more; a stray .part file is harmless
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(
                    from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The error of a failed write of {@code file}: {@code <file>: could not be written (<reason>);
     * the previous file is unchanged} (or {@code no file was written} when there was none), with
     * {@code error} as the cause. For writers that keep a file intact by other means, e.g. an
     * appended log truncated back after a failure.
     */
    public static IOException failure(Path file, IOException error, boolean previousExisted) {
        return failure(file, error, previousExisted, null);
    }

    private static IOException failure(
            Path file, IOException error, boolean previousExisted, Path temp) {
        String reason = reason(error);
        if (temp != null) {
            reason = reason.replace(temp.toAbsolutePath().toString(), file.toString());
        }
        return new IOException(
                file
                        + ": could not be written ("
                        + reason
                        + "); "
                        + (previousExisted
                                ? "the previous file is unchanged"
                                : "no file was written"),
                error);
    }

    /** The operating system's reason, e.g. {@code no space left on device}. */
    private static String reason(IOException e) {
        String reason;
        if (e instanceof ClosedByInterruptException) {
            reason = "interrupted";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        } else if (e.getMessage() != null && !e.getMessage().isBlank()) {
            reason = e.getMessage();
        } else {
            reason = e.getClass().getSimpleName();
        }
        if (reason.length() > 1
                && Character.isUpperCase(reason.charAt(0))
                && Character.isLowerCase(reason.charAt(1))) {
            reason =
                    Character.toLowerCase(reason.charAt(0))
                            + reason.substring(1); // "No space left" mid-sentence
        }
        return reason;
    }
}
