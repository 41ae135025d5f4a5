/** Builds Android test apps (APK, AAB, AAR, bare DEX) inside the tests, without the Android SDK. */
package dev.triage.testkit;
