package dev.triage.analysis.value;

/**
 * Which app code other Android apps can reach, as the value analysis asks it for sources that count only there (an
 * intent's extras, a content provider's arguments).
 */
public interface ComponentExposure {
    /** No component is exposed (a JVM app, or an analysis that must not depend on exposure). */
    ComponentExposure NONE = new ComponentExposure() {
        @Override
        public boolean exposedComponent(String internalName) {
            return false;
        }

        @Override
        public boolean exposedComponentClass(String internalName) {
            return false;
        }
    };

    /**
     * Whether code of this class runs in an Android component that other apps can reach: a manifest component that
     * is exported without a protecting permission (or an app superclass of one, or a class nested in either), or a
     * broadcast receiver the app registers at run time without RECEIVER_NOT_EXPORTED or a permission.
     */
    boolean exposedComponent(String internalName);

    /**
     * Like {@link #exposedComponent}, but about the class's own objects only (not the classes it is nested in): a
     * broadcast receiver declared inside an exported activity is reachable only as it is itself registered.
     */
    boolean exposedComponentClass(String internalName);
}
