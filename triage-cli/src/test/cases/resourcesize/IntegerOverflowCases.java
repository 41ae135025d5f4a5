package corpus.resourcesize;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Sizes the records export computes from what the client announces: a count multiplied or increased before it sizes
 * a buffer or bounds a loop may wrap around (CWE-190). A count checked against a bound first, arithmetic whose result
 * is only shown, and a length the server measured are the safe twins.
 */
public class IntegerOverflowCases {
    private static final int MAX_RECORDS = 10_000;

    public byte[] badRecordBuffer(HttpServletRequest req) {
        int records = Integer.parseInt(req.getParameter("records"));
        return new byte[records * 256]; // BUG: java/integer-overflow
    }

    public byte[] goodRecordBufferBounded(HttpServletRequest req) {
        int records = Integer.parseInt(req.getParameter("records"));
        if (records < 0 || records > MAX_RECORDS) throw new IllegalArgumentException("too many records");
        return new byte[records * 256];
    }

    public List<String> badHeaderRowAdded(HttpServletRequest req) {
        int rows = Integer.parseInt(req.getParameter("rows"));
        return new ArrayList<>(rows + 1); // BUG: java/integer-overflow
    }

    public ByteBuffer badShiftedPageSize(HttpServletRequest req) {
        int pages = Integer.parseInt(req.getParameter("pages"));
        return ByteBuffer.allocate(pages << 12); // BUG: java/integer-overflow
    }

    public long badLoopOverDoubledCount(HttpServletRequest req) {
        int pairs = Integer.parseInt(req.getParameter("pairs"));
        long sum = 0;
        for (int i = 0; i < pairs * 2; i++) { // BUG: java/integer-overflow
            sum += i;
        }
        return sum;
    }

    public byte[] badBufferThroughHelper(HttpServletRequest req) {
        return buffer(Integer.parseInt(req.getParameter("blocks")));
    }

    private static byte[] buffer(int blocks) {
        return new byte[blocks * 512 + 64]; // BUG: java/integer-overflow
    }

    public void goodArithmeticOnlyShown(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int records = Integer.parseInt(req.getParameter("records"));
        resp.getWriter().println("pages: " + (records * 256 / 4096 + 1));
    }

    public char[] goodMeasuredLength(HttpServletRequest req) {
        return new char[req.getParameter("name").length() * 2 + 1];
    }

    public byte[] plainUncheckedSize(HttpServletRequest req) {
        int size = Integer.parseInt(req.getParameter("size"));
        return new byte[size]; // BUG: java/uncontrolled-allocation
    }
}
