package sc.fiji.stylegan2.model.io;

import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip entry stored uncompressed, with a fixed time stamp, as the formats this project
 * writes need them: {@code torch.save} and TorchScript archives (libtorch reads tensors straight
 * from stored entries) and the official StyleGAN2-ADA dataset zip ({@code dataset_tool.py} stores
 * its PNGs). The fixed time makes the same content give the same bytes.
 */
public final class StoredZipEntry {

    /** 1980-01-02, a valid DOS time (the zip format cannot hold earlier ones). */
    public static final long TIME = 315532800000L + 86_400_000L;

    private StoredZipEntry() {}

    /** Writes {@code data} as the stored entry {@code name}, with its size and CRC-32 set first. */
    public static void write(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        e.setTime(TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
