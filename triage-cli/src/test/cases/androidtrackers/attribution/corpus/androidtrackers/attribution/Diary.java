package corpus.androidtrackers.attribution;

/** App code of the test app; the SDKs of this case are smali stubs outside the app package (library code). */
public final class Diary {
    public static String entry(String mood, int sleepHours) {
        return mood + " after " + sleepHours + "h of sleep";
    }
}
