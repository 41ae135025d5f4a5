package corpus.resourcesize;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Retry delays and report generation of the scheduling service: durations and counts the client asks for. */
public class SleepLoopCases {
    private static final int MAX_DELAY_MS = 5000;
    private static final int MAX_COPIES = 20;

    public void badSleep(HttpServletRequest req) throws InterruptedException {
        int delay = Integer.parseInt(req.getParameter("delay"));
        Thread.sleep(delay); // BUG: java/uncontrolled-resource-consumption
    }

    public void badSleepLong(HttpServletRequest req) throws InterruptedException {
        Thread.sleep(Long.parseLong(req.getHeader("X-Retry-After"))); // BUG: java/uncontrolled-resource-consumption
    }

    public void badTimeUnitSleep(HttpServletRequest req) throws InterruptedException {
        int seconds = Integer.parseInt(req.getParameter("wait"));
        TimeUnit.SECONDS.sleep(seconds); // BUG: java/uncontrolled-resource-consumption
    }

    public List<String> badForLoop(HttpServletRequest req) {
        int copies = Integer.parseInt(req.getParameter("copies"));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < copies; i++) { // BUG: java/uncontrolled-resource-consumption
            out.add("copy " + i);
        }
        return out;
    }

    public int badWhileLoop(HttpServletRequest req) {
        int rounds = Integer.parseInt(req.getParameter("rounds"));
        int i = 0;
        int acc = 1;
        while (i < rounds) { // BUG: java/uncontrolled-resource-consumption
            acc = acc * 31 + i;
            i++;
        }
        return acc;
    }

    public void goodSleepBounded(HttpServletRequest req) throws InterruptedException {
        int delay = Integer.parseInt(req.getParameter("delay"));
        if (delay >= 0 && delay <= MAX_DELAY_MS) Thread.sleep(delay);
    }

    public void goodSleepClamped(HttpServletRequest req) throws InterruptedException {
        long delay = Long.parseLong(req.getParameter("delay"));
        Thread.sleep(Math.min(delay, 5000L));
    }

    public void goodSleepLongBounded(HttpServletRequest req) throws InterruptedException {
        long delay = Long.parseLong(req.getParameter("delay"));
        if (delay > 5000L) return;
        Thread.sleep(delay);
    }

    public List<String> goodLoopBounded(HttpServletRequest req) {
        int copies = Integer.parseInt(req.getParameter("copies"));
        if (copies > MAX_COPIES) copies = MAX_COPIES;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            out.add("copy " + i);
        }
        return out;
    }

    public int goodLoopOverValues(HttpServletRequest req) {
        String[] ids = req.getParameterValues("id");
        int sum = 0;
        for (int i = 0; i < ids.length; i++) {
            sum += ids[i].length();
        }
        return sum;
    }

    public long goodLoopReadingBody(HttpServletRequest req) throws IOException {
        InputStream in = req.getInputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
        }
        return total;
    }

    public void goodConstantLoop() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            Thread.sleep(100);
        }
    }

    public int badDoWhileLoop(HttpServletRequest req) {
        int pages = Integer.parseInt(req.getParameter("pages"));
        int printed = 0;
        do {
            printed++;
        } while (printed < pages); // BUG: java/uncontrolled-resource-consumption
        return printed;
    }

    public int goodDoWhileLoopBounded(HttpServletRequest req) {
        int pages = Integer.parseInt(req.getParameter("pages"));
        if (pages > MAX_COPIES) pages = MAX_COPIES;
        int printed = 0;
        do {
            printed++;
        } while (printed < pages);
        return printed;
    }
}
