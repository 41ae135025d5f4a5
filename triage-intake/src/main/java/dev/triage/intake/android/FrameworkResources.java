package dev.triage.intake.android;

import com.reandroid.apk.AndroidFrameworks;
import com.reandroid.arsc.chunk.TableBlock;
import com.reandroid.arsc.model.ResourceEntry;
import com.reandroid.arsc.value.Entry;
import com.reandroid.arsc.value.attribute.AttributeBag;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Android framework resources (attribute names, enum and flag values, framework resource names),
 * from the framework table bundled with ARSCLib. Loaded once, on first use; trusted data.
 */
final class FrameworkResources {
    private static volatile TableBlock table;
    private static final Map<Integer, Object> BAGS = new ConcurrentHashMap<>();
    private static final Object NONE = new Object();

    private FrameworkResources() {
    }

    private static TableBlock table() {
        TableBlock t = table;
        if (t == null) {
            synchronized (FrameworkResources.class) {
                t = table;
                if (t == null) {
                    try {
                        t = AndroidFrameworks.getLatest().getTableBlock();
                    } catch (RuntimeException | java.io.IOError e) {
                        t = new TableBlock();
                    }
                    table = t;
                }
            }
        }
        return t;
    }

    /** {@code type/name} of a framework resource id (0x01......), or null. */
    static synchronized String name(int id) {
        if ((id >>> 24) != 0x01) {
            return null;
        }
        try {
            ResourceEntry e = table().getResource(id);
            if (e == null || e.getName() == null || e.getType() == null) {
                return null;
            }
            return e.getType() + "/" + e.getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The enum or flag names of {@code data} for a framework attribute, or null when it has none. */
    static String enumOrFlags(int attrId, int data) {
        Object bag = BAGS.computeIfAbsent(attrId, FrameworkResources::bag);
        if (bag == NONE) {
            return null;
        }
        synchronized (FrameworkResources.class) {
            try {
                return ((AttributeBag) bag).decodeAttributeValue(data);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private static Object bag(int attrId) {
        if ((attrId >>> 24) != 0x01) {
            return NONE;
        }
        synchronized (FrameworkResources.class) {
            try {
                ResourceEntry e = table().getResource(attrId);
                if (e == null) {
                    return NONE;
                }
                Entry entry = e.get();
                AttributeBag bag = entry == null ? null : AttributeBag.create(entry);
                return bag != null && bag.isEnumOrFlag() ? bag : NONE;
            } catch (RuntimeException ex) {
                return NONE;
            }
        }
    }
}
