package dev.triage.intake.android;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Structural check of a protobuf message (an aapt2 {@code XmlNode}, or one {@code Entry} of a
 * {@code resources.pb}) before protobuf-java builds objects from it: walks the wire format along the message's
 * descriptor without allocating, refusing nesting deeper than a limit (protobuf-java's own limit would otherwise
 * stop well-formed deep documents with a confusing message, or a raised one could exhaust the stack), more
 * messages than a limit (a few bytes of input per message would otherwise become tens of bytes of objects each),
 * and malformed wire data. Time is linear in the input.
 */
public final class ProtoCheck {
    /**
     * Bounds for one message.
     *
     * @param maxDepth    message nesting (the root message is level 1)
     * @param maxMessages messages in all, the root included
     */
    public record Limits(int maxDepth, int maxMessages) {
    }

    /** Why a message was refused: one line for a person. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Limits limits;
    private final Map<String, Integer> counts = new HashMap<>();
    private int messages;

    private ProtoCheck(Limits limits) {
        this.limits = limits;
    }

    /**
     * Walks {@code bytes[off, off+len)} as a message of {@code type}.
     *
     * @return how many messages of each type (by simple name) it holds
     */
    public static Map<String, Integer> check(byte[] bytes, int off, int len, Descriptors.Descriptor type, Limits limits)
            throws Refused {
        ProtoCheck c = new ProtoCheck(limits);
        try {
            c.message(bytes, off, len, type, 1);
        } catch (IOException | RuntimeException e) {
            throw new Refused("corrupt protobuf " + type.getName() + ": " + DexConverter.describe(e));
        }
        return c.counts;
    }

    private void message(byte[] b, int off, int len, Descriptors.Descriptor type, int depth)
            throws IOException, Refused {
        if (depth > limits.maxDepth()) {
            throw new Refused("protobuf messages nested more than " + limits.maxDepth() + " levels deep");
        }
        if (++messages > limits.maxMessages()) {
            throw new Refused("more than " + limits.maxMessages() + " protobuf messages");
        }
        counts.merge(type.getName(), 1, Integer::sum);
        CodedInputStream in = CodedInputStream.newInstance(b, off, len);
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                return;
            }
            int wire = WireFormat.getTagWireType(tag);
            Descriptors.FieldDescriptor f = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
            if (f != null && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED
                    && f.getJavaType() == Descriptors.FieldDescriptor.JavaType.MESSAGE) {
                int n = in.readRawVarint32();
                if (n < 0 || n > len - in.getTotalBytesRead()) {
                    throw new Refused("corrupt protobuf " + type.getName() + ": field " + f.getName()
                            + " claims " + (n & 0xffffffffL) + " bytes, past the end of its message");
                }
                int start = off + in.getTotalBytesRead();
                message(b, start, n, f.getMessageType(), depth + 1);
                in.skipRawBytes(n);
            } else if (wire == WireFormat.WIRETYPE_START_GROUP) {
                throw new Refused("corrupt protobuf " + type.getName() + ": group field " + WireFormat.getTagFieldNumber(tag));
            } else if (!in.skipField(tag)) {
                return; // an end-group tag: malformed, protobuf-java refuses it when parsing
            }
        }
    }
}
