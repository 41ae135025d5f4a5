package corpus.androidflows.heap;

/** Static state shared by the app's classes. */
final class Registry {
    static String currentDevice;
    static String currentTheme;
    static final String[] SLOTS = new String[4];

    private Registry() {
    }
}
