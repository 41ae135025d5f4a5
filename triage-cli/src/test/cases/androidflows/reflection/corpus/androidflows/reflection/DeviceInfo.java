package corpus.androidflows.reflection;

import android.os.Build;

/** Only ever called through reflection. */
public final class DeviceInfo {
    private DeviceInfo() {
    }

    public static String serial() {
        return Build.getSerial();
    }

    public static String model() {
        return "Pixel";
    }
}
