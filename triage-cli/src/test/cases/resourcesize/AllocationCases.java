package corpus.resourcesize;

import javax.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Export and upload buffers of the records service: sizes the client announces. */
public class AllocationCases {
    private static final int MAX_ROWS = 1000;

    public byte[] badArray(HttpServletRequest req) {
        int n = Integer.parseInt(req.getParameter("size"));
        return new byte[n]; // BUG: java/uncontrolled-allocation
    }

    public List<String> badArrayListCapacity(HttpServletRequest req) {
        int rows = Integer.parseInt(req.getParameter("rows"));
        return new ArrayList<>(rows); // BUG: java/uncontrolled-allocation
    }

    public Map<String, String> badMapFromHeader(HttpServletRequest req) {
        Integer count = Integer.valueOf(req.getHeader("X-Expected-Count"));
        return new HashMap<>(count); // BUG: java/uncontrolled-allocation
    }

    public String[] badScaledArray(HttpServletRequest req) {
        int pairs = Integer.parseInt(req.getParameter("pairs"));
        return new String[pairs * 2]; // BUG: java/integer-overflow
    }

    public char[] badThroughHelper(HttpServletRequest req) {
        return buffer(Integer.parseInt(req.getParameter("chars")));
    }

    private static char[] buffer(int size) {
        return new char[size]; // BUG: java/uncontrolled-allocation
    }

    public ByteBuffer badByteBuffer(HttpServletRequest req) {
        long len = Long.parseLong(req.getParameter("len"));
        return ByteBuffer.allocate((int) len); // BUG: java/uncontrolled-allocation
    }

    public byte[] goodBounded(HttpServletRequest req) {
        int n = Integer.parseInt(req.getParameter("size"));
        if (n > 0 && n <= MAX_ROWS) return new byte[n];
        return new byte[0];
    }

    public List<String> goodRejectedAboveMax(HttpServletRequest req) {
        int rows = Integer.parseInt(req.getParameter("rows"));
        if (rows > MAX_ROWS) throw new IllegalArgumentException("too many rows");
        return new ArrayList<>(rows);
    }

    public byte[] goodClamped(HttpServletRequest req) {
        int n = Math.min(Integer.parseInt(req.getParameter("size")), MAX_ROWS);
        return new byte[n];
    }

    public byte[] goodReversedBound(HttpServletRequest req) {
        int n = Integer.parseInt(req.getParameter("size"));
        if (MAX_ROWS < n) n = MAX_ROWS;
        return new byte[n];
    }

    public byte[] goodConstantSize() {
        return new byte[4096];
    }

    public char[] goodLengthOfValue(HttpServletRequest req) {
        String q = req.getParameter("q");
        return new char[q.length()];
    }

    public String[] goodOneSlotPerValue(HttpServletRequest req) {
        String[] ids = req.getParameterValues("id");
        return new String[ids.length];
    }
}
