package sc.fiji.stylegan2.plugin.input;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * The {@code device} parameter of the commands that run a network: {@code auto} (the engine's
 * default device), {@code CPU} or {@code GPU}. The model library runs on DJL's default device; this
 * build ships PyTorch's CPU natives only, so {@code GPU} is refused with a message saying so rather
 * than silently running on the CPU.
 */
public enum DeviceChoice {
    AUTO,
    CPU,
    GPU;

    /** The choices as the dialogs list them. */
    public static final String[] CHOICES = {"auto", "CPU", "GPU"};

    /**
     * Checks the choice against the devices this build can use.
     *
     * @param key the parameter key for messages, {@code device}
     * @return the device that will run, e.g. {@code CPU}
     * @throws IllegalArgumentException naming the key, the choice and what is available
     */
    public static String require(String key, String text) {
        DeviceChoice choice = parse(key, text);
        Device device = Engine.getInstance().defaultDevice();
        String name = describe(device);
        if (choice == GPU && !device.isGpu()) {
            throw new IllegalArgumentException(
                    key
                            + " GPU is not available: this build ships PyTorch for the CPU"
                            + " only (no CUDA), so it runs on the CPU; choose auto or CPU (Install GPU"
                            + " Support fetches a CUDA build)");
        }
        if (choice == CPU && device.isGpu()) {
            throw new IllegalArgumentException(
                    key
                            + " CPU cannot be forced: the engine runs on "
                            + name
                            + "; choose auto or GPU");
        }
        return name;
    }

    private static DeviceChoice parse(String key, String text) {
        for (DeviceChoice c : values()) {
            if (c.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                key + " '" + text + "' is not valid: use auto, CPU or GPU");
    }

    /** {@code CPU} or {@code GPU 0}. */
    static String describe(Device device) {
        return device.isGpu()
                ? "GPU " + device.getDeviceId()
                : device.getDeviceType().toUpperCase(Locale.ROOT);
    }
}
