package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.djl.util.Utils;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sc.fiji.stylegan2.plugin.host.GpuSettings;
import sc.fiji.stylegan2.plugin.host.GpuSupport;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

/** Install GPU Support without confirm: it shows the plan and downloads nothing. */
class InstallGpuSupportCommandTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @Test
    void withoutConfirmOutputsThePlanAndDownloadsNothing() throws Exception {
        GpuSupport.Plan expected =
                GpuSupport.plan(GpuSupport.currentClassifier(), Utils.getEngineCacheDir("pytorch"));
        assumeFalse(Files.exists(expected.folder()), "GPU libtorch already here");
        boolean recorded = Files.exists(GpuSettings.defaultFile());
        String plan =
                Commands.output(
                        Commands.run(scijava.context(), InstallGpuSupportCommand.class),
                        "plan",
                        String.class);
        assertTrue(plan.startsWith(expected.text()), plan);
        assertTrue(!expected.cudaBuild() || plan.contains("confirm=true"), plan);
        assertFalse(Files.exists(expected.folder()), expected.folder().toString());
        assertTrue(recorded || !Files.exists(GpuSettings.defaultFile()));
    }
}
