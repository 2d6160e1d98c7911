package sc.fiji.stylegan2.plugin.command;

import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.file.Path;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import sc.fiji.stylegan2.plugin.host.GpuDownload;
import sc.fiji.stylegan2.plugin.host.GpuSettings;
import sc.fiji.stylegan2.plugin.host.GpuSupport;

/**
 * Says what GPU support would fetch (DJL's libtorch 2.7.1 {@code cu128} build for this platform,
 * its size, where it goes) and, with {@code confirm} checked, lets DJL download it in a child JVM
 * and records it in {@code ~/.stylegan2/gpu.properties}, which the plugin applies at its next start
 * ({@link GpuSettings}); then {@code device=auto} picks the GPU.
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Install GPU Support",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Install GPU Support",
        description = "Downloads DJL's CUDA 12.8 libtorch for this platform, after asking.",
        headless = true)
public class InstallGpuSupportCommand extends StyleGAN2Command {

    /** How long the download may take. */
    private static final long TIMEOUT_SECONDS = 3 * 60 * 60;

    @Parameter(
            label = "Download now",
            description =
                    "Unchecked: only shows what would be downloaded. Checked: downloads it"
                            + " (about 3 GB).",
            required = false)
    private boolean confirm = false;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "GPU support",
            description = "The plan, or what was done.")
    private String plan;

    @Override
    public void run() {
        GpuSupport.Plan p =
                GpuSupport.plan(GpuSupport.currentClassifier(), Utils.getEngineCacheDir("pytorch"));
        if (!p.cudaBuild()) {
            if (confirm) {
                fail(p.text());
            } else {
                plan = p.text();
            }
            return;
        }
        if (!confirm) {
            plan = p.text() + "\nNothing was downloaded: run again with confirm=true to download.";
            return;
        }
        try {
            Path folder = GpuDownload.run(null, TIMEOUT_SECONDS);
            GpuSettings.record(GpuSettings.defaultFile(), folder);
            plan =
                    "Downloaded libtorch "
                            + GpuSupport.VERSION
                            + " "
                            + GpuSupport.FLAVOR
                            + " into "
                            + folder
                            + " and recorded it in "
                            + GpuSettings.defaultFile()
                            + ". Restart Fiji to use the GPU (device=auto or device=GPU).";
            report(status, "GPU libtorch installed");
        } catch (IOException e) {
            fail(e.getMessage());
        }
    }
}
