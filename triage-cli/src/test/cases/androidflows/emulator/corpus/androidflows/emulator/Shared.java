package corpus.androidflows.emulator;

/** Static state: one value set in the class initializer, one set by an activity and read by a service. */
final class Shared {
    static String device;
    static String theme;
    static final String BUILD_TAG;

    static {
        BUILD_TAG = android.os.Build.getSerial();
    }

    private Shared() {
    }
}
