package corpus.androidsigning.md5cert;

/** App code of the test app; the findings of this case are about how the APK is signed. */
public final class Vitals {
    public static int pulse(int beats, int seconds) {
        return seconds == 0 ? 0 : beats * 60 / seconds;
    }
}
