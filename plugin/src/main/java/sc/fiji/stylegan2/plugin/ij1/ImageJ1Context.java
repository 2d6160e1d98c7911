package sc.fiji.stylegan2.plugin.ij1;

import ij.IJ;
import org.scijava.Context;

/**
 * The SciJava {@link Context} the ImageJ 1.x bridge runs commands in, one per JVM. Inside Fiji it
 * is Fiji's own context (imagej-legacy hands it out as the "plugin" {@code org.scijava.Context});
 * in plain ImageJ 1.x a context is made on first use and kept, since making one takes a second or
 * more.
 */
public final class ImageJ1Context {

    private static final String LEGACY_SERVICE = "net.imagej.legacy.LegacyService";
    private static Context context;

    private ImageJ1Context() {}

    /**
     * The shared context; call with the thread's context class loader set to the plugin's loader.
     */
    public static synchronized Context get() {
        if (context == null) {
            Context fiji = fijiContext();
            context = fiji != null ? fiji : new Context();
        }
        return context;
    }

    private static Context fijiContext() {
        try {
            Class.forName(LEGACY_SERVICE, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // plain ImageJ 1.x: IJ.runPlugIn would construct a new context on every
            // call
        }
        Object o = IJ.runPlugIn("org.scijava.Context", "");
        return o instanceof Context c ? c : null;
    }
}
