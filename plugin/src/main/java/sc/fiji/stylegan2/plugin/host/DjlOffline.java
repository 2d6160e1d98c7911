package sc.fiji.stylegan2.plugin.host;

/**
 * DJL's offline mode as the plugin's default, so that no host downloads anything behind the user's
 * back: with {@code ai.djl.offline} unset, DJL fetches libtorch from the internet at first use
 * wherever no native jar for the platform is on the class path (about 200 MB, silently). The
 * plugin's entry points (the commands' base and the ImageJ 1.x bridge) call {@link #byDefault()}
 * when their class loads; the headless launcher passes {@code -Dai.djl.offline=true} itself. A
 * value the user set (the property, or DJL's {@code DJL_OFFLINE} environment variable, which DJL
 * reads first) is kept: that is how GPU libtorch is fetched on request. The same entry points apply
 * the GPU libtorch Install GPU Support recorded ({@link GpuSettings}), before any engine loads.
 */
public final class DjlOffline {

    /** The system property DJL reads ({@code ai.djl.util.Utils.isOfflineMode}). */
    public static final String PROPERTY = "ai.djl.offline";

    private DjlOffline() {}

    /**
     * Sets {@value #PROPERTY} to {@code true} unless it is set already, and applies the recorded
     * GPU settings ({@link GpuSettings#applyDefault()}).
     */
    public static void byDefault() {
        System.getProperties().putIfAbsent(PROPERTY, "true");
        GpuSettings.applyDefault();
    }
}
